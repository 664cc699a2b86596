/**
 * `Event` for tasks of an {@link EventLoop} (asyncio's `Event`).
 *
 * @module
 */
import type { EventLoop } from './event-loop.ts';
import type { Coroutine, Future } from './future.ts';
import { boundLoop, waitInLine } from './loop-bound.ts';

/**
 * A flag tasks can wait for. `set()` wakes every waiter (in the order they started
 * waiting); `wait()` on a set event returns at once.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const ready = new aio.Event();
 * function* waiter(name: string): aio.Coroutine<string> {
 *   yield* ready.wait();
 *   return `${name}@${loop.time()}`;
 * }
 * loop.callLater(5, () => ready.set());
 * console.log(await loop.runUntilComplete((function* () {
 *   return yield* aio.gather(waiter('a'), waiter('b'));
 * })())); // ['a@5', 'b@5']
 * ```
 */
export class Event {
  readonly #bound: { loop: EventLoop | undefined } = { loop: undefined };
  readonly #waiters = new Set<Future<boolean>>();
  #value = false;

  /** True after `set()` until `clear()`. */
  isSet(): boolean {
    return this.#value;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    if (this.#value) return;
    this.#value = true;
    for (const waiter of this.#waiters) if (!waiter.done()) waiter.setResult(true);
  }

  /** Clears the flag; later `wait()`s block again. */
  clear(): void {
    this.#value = false;
  }

  /** Inside a task: `yield* event.wait()` — returns once the flag is set. */
  *wait(): Coroutine<true> {
    if (this.#value) return true;
    const waiter = boundLoop(this.#bound, 'Event').createFuture<boolean>();
    yield* waitInLine(this.#waiters, waiter);
    return true;
  }
}
