/**
 * `Semaphore` for tasks of an {@link EventLoop} (asyncio's `Semaphore`).
 *
 * @module
 */
import { CancelledError } from '../coordination/errors.ts';
import type { EventLoop } from './event-loop.ts';
import type { Coroutine, Future } from './future.ts';
import { boundLoop, hasLiveWaiter, waitInLine } from './loop-bound.ts';

/**
 * A counter of permits for tasks on one loop. `acquire()` takes a permit or waits (FIFO);
 * `release()` returns one and wakes the first waiter, handing it the permit — so a newcomer
 * cannot overtake a task that already waits.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const permits = new aio.Semaphore(2);
 * function* job(ms: number): aio.Coroutine<number> {
 *   yield* permits.acquire();
 *   try {
 *     yield aio.sleep(ms);
 *     return loop.time();
 *   } finally {
 *     permits.release();
 *   }
 * }
 * console.log(await loop.runUntilComplete((function* () {
 *   return yield* aio.gather(job(10), job(10), job(10));
 * })())); // [10, 10, 20]
 * ```
 */
export class Semaphore {
  readonly #bound: { loop: EventLoop | undefined } = { loop: undefined };
  readonly #waiters = new Set<Future<boolean>>();
  #value: number;

  /** @param value Permits available at first; an integer ≥ 0. Default 1. */
  constructor(value = 1) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Semaphore(value): value must be an integer ≥ 0, got ${String(value)}`);
    this.#value = value;
  }

  /** Permits free right now. */
  get value(): number {
    return this.#value;
  }

  /** True if `acquire()` would wait. */
  locked(): boolean {
    return this.#value === 0 || hasLiveWaiter(this.#waiters);
  }

  /** Inside a task: `yield* semaphore.acquire()`. */
  *acquire(): Coroutine<true> {
    if (!this.locked()) {
      this.#value--;
      return true;
    }
    const waiter = boundLoop(this.#bound, 'Semaphore').createFuture<boolean>();
    try {
      yield* waitInLine(this.#waiters, waiter);
    } catch (error) {
      // Woken (handed a permit) and cancelled before it ran: give the permit on.
      if (error instanceof CancelledError && !waiter.cancelled()) {
        this.#value++;
        this.#wakeUpNext();
      }
      throw error;
    }
    if (this.#value > 0) this.#wakeUpNext();
    return true;
  }

  /** Returns a permit and wakes the first waiter. */
  release(): void {
    this.#value++;
    this.#wakeUpNext();
  }

  #wakeUpNext(): void {
    for (const waiter of this.#waiters) {
      if (!waiter.done()) {
        this.#value--;
        waiter.setResult(true);
        return;
      }
    }
  }
}
