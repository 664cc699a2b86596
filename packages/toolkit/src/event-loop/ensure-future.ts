/**
 * `ensureFuture`: a future for an awaitable — the future itself, or a new task for a
 * coroutine (asyncio's `ensure_future`).
 *
 * @module
 */
import { getRunningLoop } from './event-loop.ts';
import type { EventLoop } from './event-loop.ts';
import { Future } from './future.ts';
import type { Awaitable } from './future.ts';

/**
 * Returns `awaitable` if it is a future; otherwise schedules it as a task on `loop`
 * (default: the running loop).
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const task = aio.ensureFuture((function* () { return 'done'; })(), loop);
 * console.log(await loop.runUntilComplete(task)); // 'done'
 * ```
 */
export function ensureFuture<T>(awaitable: Awaitable<T>, loop?: EventLoop): Future<T> {
  if (awaitable instanceof Future) return awaitable;
  if (typeof awaitable !== 'object' || awaitable === null || typeof (awaitable as { next?: unknown }).next !== 'function') {
    throw new TypeError(`ensureFuture(awaitable): expected a Future or a generator object, got ${awaitable === null ? 'null' : typeof awaitable}`);
  }
  return (loop ?? getRunningLoop()).createTask(awaitable);
}
