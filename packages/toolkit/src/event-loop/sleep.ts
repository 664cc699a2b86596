/**
 * `sleep(ms)` for tasks of an {@link EventLoop} (asyncio's `sleep`).
 *
 * @module
 */
import { SleepRequest } from './future.ts';

/**
 * Inside a task: `yield sleep(ms)` suspends the task for `ms` on the loop's clock;
 * `yield sleep(0)` gives way for exactly one iteration. Also usable as `yield* sleep(ms)`.
 * A `task.cancel()` while it sleeps throws the `CancelledError` at this `yield`.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * await loop.runUntilComplete((function* () {
 *   yield aio.sleep(60_000);
 *   console.log(loop.time()); // 60000, at once: the virtual clock jumped
 * })());
 * ```
 */
export function sleep(ms: number): SleepRequest {
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw new TypeError(`sleep(ms): ms must be a number, got ${String(ms)}`);
  if (!Number.isFinite(ms)) throw new RangeError(`sleep(ms): ms must be finite, got ${ms}`);
  return new SleepRequest(ms);
}
