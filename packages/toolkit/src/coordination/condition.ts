/**
 * `Condition`: wait for a state change while holding a lock (asyncio's `Condition`).
 *
 * @module
 */
import { Mutex, unlockHeldMutex } from './mutex.ts';
import type { MutexLockOptions } from './mutex.ts';
import type { Permit } from './permit.ts';
import { WaiterQueue, describe, readSignal } from '../internal/waiter-queue.ts';
import { checkCount } from '../internal/check.ts';

/** Options of {@link Condition.wait} and {@link Condition.waitFor}. */
export interface ConditionWaitOptions {
  /**
   * Aborting it ends the wait: the call leaves the queue, *re-acquires the lock*, and only
   * then rejects with `signal.reason` — so the caller holds the lock in every outcome, as
   * with asyncio. An already aborted signal rejects at once without releasing the lock.
   * Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * A condition variable over a {@link Mutex}. Hold the lock, check your state, and if it
 * is not what you need, `await condition.wait()`: that releases the lock, sleeps until
 * `notify()`, then takes the lock again before it returns. Change the state and call
 * `notify()` / `notifyAll()` while holding the lock.
 *
 * - `wait()` and `notify()` require the lock to be held (they throw/reject otherwise).
 * - The caller holds the lock again when `wait()` settles, also when it was aborted; its
 *   permit stays the one to release.
 * - Waiters are woken in FIFO order; a woken waiter queues for the lock behind earlier
 *   lockers, so re-check the state after waking — or use `waitFor(predicate)`.
 * - Several conditions may share one mutex: `new Condition(mutex)`.
 *
 * @example
 * ```ts
 * import { Condition } from '@interleave/toolkit';
 *
 * const condition = new Condition();
 * const items: string[] = [];
 * async function consume(): Promise<string> {
 *   using _permit = await condition.lock();
 *   await condition.waitFor(() => items.length > 0);
 *   return items.shift()!;
 * }
 * async function produce(item: string): Promise<void> {
 *   using _permit = await condition.lock();
 *   items.push(item);
 *   condition.notify();
 * }
 * const consumed = consume();
 * await produce('parcel');
 * console.log(await consumed); // 'parcel'
 * ```
 */
export class Condition {
  readonly #mutex: Mutex;
  readonly #waiters = new WaiterQueue<void>();

  /**
   * @param mutex the lock to wait under. Default: a new {@link Mutex}.
   * @throws {TypeError} when `mutex` is given and is not a Mutex.
   */
  constructor(mutex: Mutex = new Mutex()) {
    if (!(mutex instanceof Mutex)) {
      throw new TypeError(`Condition: mutex must be a Mutex, got ${describe(mutex)}`);
    }
    this.#mutex = mutex;
  }

  /** The lock the condition waits under. */
  get mutex(): Mutex {
    return this.#mutex;
  }

  /** Whether the lock is held. */
  get locked(): boolean {
    return this.#mutex.locked;
  }

  /** How many calls of `wait()` wait for a notification (not counting re-locking ones). */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** Takes the lock: the same as `condition.mutex.lock(options)`. */
  lock(options?: MutexLockOptions): Promise<Permit> {
    return this.#mutex.lock(options);
  }

  /**
   * Releases the lock, waits for `notify()`/`notifyAll()`, then re-acquires the lock and
   * resolves. Rejects with an `Error` when the lock is not held.
   *
   * @example
   * ```ts
   * import { Condition } from '@interleave/toolkit';
   * const condition = new Condition();
   * const permit = await condition.lock();
   * const waiting = condition.wait();
   * console.log(condition.locked); // false: wait() released it
   * const other = await condition.lock();
   * condition.notify();
   * other.release();
   * await waiting; // the lock is ours again
   * permit.release();
   * ```
   */
  async wait(options?: ConditionWaitOptions): Promise<void> {
    const signal = readSignal(options, 'Condition.wait()');
    if (!this.#mutex.locked) {
      throw new Error('Condition.wait(): the lock is not held; call it between `await condition.lock()` and the release');
    }
    signal?.throwIfAborted();
    const notified = this.#waiters.wait(undefined, signal);
    unlockHeldMutex(this.#mutex);
    let failed = false;
    let failure: unknown;
    try {
      await notified;
    } catch (error) {
      failed = true;
      failure = error;
    }
    // Re-acquire whatever happened, with no signal: the caller must hold the lock when we
    // return. The new permit is dropped on purpose; the caller's permit releases this hold.
    await this.#mutex.lock();
    if (failed) throw failure;
  }

  /**
   * Waits until `predicate()` returns a truthy value and resolves with it; checks it first
   * and again after every wake-up, always with the lock held.
   *
   * @example
   * ```ts
   * import { Condition } from '@interleave/toolkit';
   * const condition = new Condition();
   * let count = 0;
   * const permit = await condition.lock();
   * setTimeout(async () => {
   *   using _p = await condition.lock();
   *   count = 3;
   *   condition.notifyAll();
   * }, 1);
   * console.log(await condition.waitFor(() => count >= 3 && count)); // 3
   * permit.release();
   * ```
   */
  async waitFor<R>(predicate: () => R, options?: ConditionWaitOptions): Promise<R> {
    if (typeof predicate !== 'function') {
      throw new TypeError(`Condition.waitFor(): predicate must be a function, got ${describe(predicate)}`);
    }
    let result = predicate();
    while (!result) {
      await this.wait(options);
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiters, oldest first. Call it holding the lock.
   *
   * @param n how many, a non-negative integer. Default: 1.
   * @throws {TypeError} for a non-number `n`, {RangeError} for one out of range; {Error} when the lock is not held.
   */
  notify(n = 1): void {
    checkCount('Condition.notify()', 'n', n);
    if (!this.#mutex.locked) {
      throw new Error('Condition.notify(): the lock is not held; notify while holding it');
    }
    for (let i = 0; i < n; i++) {
      const waiter = this.#waiters.shift();
      if (waiter === undefined) break;
      waiter.resolve();
    }
  }

  /** Wakes every waiter. Call it holding the lock. */
  notifyAll(): void {
    this.notify(this.#waiters.size);
  }
}
