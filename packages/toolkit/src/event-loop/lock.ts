/**
 * `Lock` for tasks of an {@link EventLoop} (asyncio's `Lock`).
 *
 * @module
 */
import { CancelledError, InvalidStateError } from '../coordination/errors.ts';
import type { EventLoop } from './event-loop.ts';
import type { Coroutine, Future } from './future.ts';
import { boundLoop, hasLiveWaiter, waitInLine } from './loop-bound.ts';

/**
 * A mutual-exclusion lock for tasks on one loop. Waiters are woken in FIFO order; a
 * `release()` wakes the first waiter, and a newcomer cannot take the lock while a live
 * waiter exists. A waiter cancelled after it was woken passes the wake-up on.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const lock = new aio.Lock();
 * const order: string[] = [];
 * function* user(name: string): aio.Coroutine<void> {
 *   yield* lock.acquire();
 *   try {
 *     order.push(`${name} in`);
 *     yield aio.sleep(10);
 *   } finally {
 *     lock.release();
 *   }
 * }
 * await loop.runUntilComplete((function* () { yield* aio.gather(user('a'), user('b')); })());
 * console.log(order, loop.time()); // ['a in', 'b in'] 20
 * ```
 */
export class Lock {
  readonly #bound: { loop: EventLoop | undefined } = { loop: undefined };
  readonly #waiters = new Set<Future<boolean>>();
  #locked = false;

  /** True while some task holds it. */
  locked(): boolean {
    return this.#locked;
  }

  /** Inside a task: `yield* lock.acquire()`. Waits (FIFO) until the lock is free, then takes it. */
  *acquire(): Coroutine<true> {
    if (!this.#locked && !hasLiveWaiter(this.#waiters)) {
      this.#locked = true;
      return true;
    }
    const waiter = boundLoop(this.#bound, 'Lock').createFuture<boolean>();
    try {
      yield* waitInLine(this.#waiters, waiter);
    } catch (error) {
      if (error instanceof CancelledError && !this.#locked) this.#wakeUpFirst();
      throw error;
    }
    this.#locked = true;
    return true;
  }

  /** Frees the lock and wakes the first waiter. Throws {@link InvalidStateError} if it is not held. */
  release(): void {
    if (!this.#locked) throw new InvalidStateError('Lock.release(): the lock is not acquired');
    this.#locked = false;
    this.#wakeUpFirst();
  }

  #wakeUpFirst(): void {
    for (const waiter of this.#waiters) {
      if (!waiter.done()) waiter.setResult(true);
      return;
    }
  }
}
