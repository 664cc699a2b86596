/**
 * `Barrier`: let N parties meet before any goes on (asyncio's `Barrier`).
 *
 * @module
 */
import { BrokenBarrierError } from './errors.ts';
import { WaiterQueue, describe, readSignal } from '../internal/waiter-queue.ts';
import type { Waiter } from '../internal/waiter-queue.ts';
import { checkCount } from '../internal/check.ts';

/** Options of {@link Barrier.wait}. */
export interface BarrierWaitOptions {
  /**
   * Aborting it while the party waits takes it out, rejects it with `signal.reason`, and
   * *breaks* the barrier — the other waiters reject with {@link BrokenBarrierError}, since
   * the party they wait for will not come. An already aborted signal rejects at once
   * without arriving (the barrier stays intact). Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * A meeting point for `parties` tasks. Each `wait()` blocks until `parties` calls have
 * arrived; then all resolve together, each with a distinct index `0 … parties − 1` (the
 * order of arrival; the last to arrive gets `parties − 1`). The barrier then starts over
 * empty, so it can be used round after round.
 *
 * Broken state: after `abort()`, or when a waiting party was aborted, every waiting and
 * future `wait()` rejects with {@link BrokenBarrierError} until `reset()`.
 *
 * @example
 * ```ts
 * import { Barrier } from '@interleave/toolkit';
 *
 * const barrier = new Barrier(3);
 * const log: string[] = [];
 * await Promise.all(['a', 'b', 'c'].map(async (name) => {
 *   log.push(`${name} ready`);
 *   await barrier.wait();
 *   log.push(`${name} go`);
 * }));
 * console.log(log.slice(0, 3)); // ['a ready', 'b ready', 'c ready']: nobody went before all arrived
 * ```
 */
export class Barrier {
  readonly #parties: number;
  readonly #waiters: WaiterQueue<number, number>;
  #broken = false;

  /**
   * @param parties how many must arrive, a positive integer.
   * @throws {TypeError} for a non-number; {RangeError} for a number that is not a positive safe integer.
   */
  constructor(parties: number) {
    checkCount('Barrier', 'parties', parties, { min: 1 });
    this.#parties = parties;
    this.#waiters = new WaiterQueue<number, number>((aborted) => this.#break(aborted));
  }

  /** How many parties must arrive. */
  get parties(): number {
    return this.#parties;
  }

  /** How many parties wait now, in this round. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** Whether the barrier is broken. */
  get broken(): boolean {
    return this.#broken;
  }

  /**
   * Arrives and waits for the rest; resolves with this party's index.
   *
   * @example
   * ```ts
   * import { Barrier } from '@interleave/toolkit';
   * const barrier = new Barrier(2);
   * const indexes = await Promise.all([barrier.wait(), barrier.wait()]);
   * console.log(indexes); // [0, 1]
   * ```
   */
  wait(options?: BarrierWaitOptions): Promise<number> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, 'Barrier.wait()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#broken) return Promise.reject(new BrokenBarrierError());
    const index = this.#waiters.size;
    if (index < this.#parties - 1) return this.#waiters.wait(index, signal);
    // The last party: release the round. Indexes stay distinct because an aborted waiter
    // breaks the barrier, so a round never continues with a gap.
    this.#waiters.drain((waiter) => waiter.resolve(waiter.payload));
    return Promise.resolve(index);
  }

  /**
   * Breaks the barrier: every waiting and future `wait()` rejects with
   * {@link BrokenBarrierError}, until `reset()`.
   *
   * @example
   * ```ts
   * import { Barrier } from '@interleave/toolkit';
   * const barrier = new Barrier(2);
   * const lonely = barrier.wait();
   * barrier.abort();
   * await lonely.catch((e: Error) => console.log(e.name)); // 'BrokenBarrierError'
   * ```
   */
  abort(): void {
    this.#break(undefined);
  }

  /**
   * Returns the barrier to its empty, unbroken state; parties waiting now reject with
   * {@link BrokenBarrierError} (their round cannot complete).
   */
  reset(): void {
    this.#waiters.drain((waiter) => waiter.reject(new BrokenBarrierError('The barrier was reset while waiting')));
    this.#broken = false;
  }

  #break(aborted: Waiter<number, number> | undefined): void {
    this.#broken = true;
    const message =
      aborted === undefined ? 'The barrier was aborted' : 'The barrier broke: a waiting party was aborted';
    // A party whose own signal is aborted too (one signal shared by several parties) gets
    // its reason, as if its own listener had run first.
    this.#waiters.drain((waiter) => {
      const signal = waiter.signal;
      waiter.reject(signal?.aborted ? signal.reason : new BrokenBarrierError(message));
    });
  }
}
