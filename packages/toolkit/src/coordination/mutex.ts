/**
 * `Mutex`: mutual exclusion for async code, FIFO and abortable.
 *
 * @module
 */
import { OwnedPermit } from './permit.ts';
import type { Permit } from './permit.ts';
import { WaiterQueue, describe, readSignal } from '../internal/waiter-queue.ts';

/** Options of {@link Mutex.lock} and {@link Mutex.runExclusive}. */
export interface MutexLockOptions {
  /**
   * Aborting it while the call waits takes the call out of the queue and rejects it with
   * `signal.reason`; an already aborted signal rejects at once. Default: none (wait as
   * long as it takes).
   */
  readonly signal?: AbortSignal;
}

let unlock: (mutex: Mutex) => void;

/**
 * A lock for async code: one holder at a time, the others wait in a queue.
 *
 * - **FIFO hand-off, no barging.** `release()` hands the lock straight to the first
 *   waiter; the mutex never looks free in between, so a `tryLock()` right after a release
 *   fails while anyone is queued.
 * - **Abortable.** `lock({ signal })`: an aborted waiter leaves the queue *before* its
 *   promise rejects with `signal.reason`, and its abort listener is removed.
 * - **O(1)** lock, release and abort, whatever the queue length (a linked list).
 * - A {@link Permit} is released once; releasing it again does nothing.
 *
 * The mutex does not know which code holds it (no owner, no re-entrancy): locking it
 * again while you hold it waits for ever — give such waits a signal.
 *
 * @example
 * ```ts
 * import { Mutex } from '@interleave/toolkit';
 *
 * const mutex = new Mutex();
 * let balance = 100;
 * async function withdraw(amount: number): Promise<void> {
 *   using _permit = await mutex.lock();
 *   const seen = balance;
 *   await new Promise((r) => setTimeout(r, 1)); // an await inside the critical section
 *   balance = seen - amount;
 * }
 * await Promise.all([withdraw(30), withdraw(50)]);
 * console.log(balance); // 20, never 70 or 50
 * ```
 */
export class Mutex {
  #locked = false;
  readonly #waiters = new WaiterQueue<Permit>();
  // One release function per mutex, shared by all its permits.
  readonly #release = (): void => this.#unlock();

  static {
    unlock = (mutex) => mutex.#unlock();
  }

  /** Whether someone holds the lock. */
  get locked(): boolean {
    return this.#locked;
  }

  /** How many calls are queued for the lock. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Resolves with a {@link Permit} once the lock is yours: at once when it is free and
   * nobody waits, otherwise after everyone queued before you.
   *
   * @example
   * ```ts
   * import { Mutex } from '@interleave/toolkit';
   * const mutex = new Mutex();
   * const first = await mutex.lock();
   * const second = mutex.lock({ signal: AbortSignal.timeout(1_000) });
   * first.release(); // hands the lock to `second`
   * (await second).release();
   * ```
   */
  lock(options?: MutexLockOptions): Promise<Permit> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, 'Mutex.lock()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve(new OwnedPermit(this.#release));
    }
    return this.#waiters.wait(undefined, signal);
  }

  /**
   * Takes the lock if it is free and nobody waits; otherwise returns `undefined`.
   *
   * @example
   * ```ts
   * import { Mutex } from '@interleave/toolkit';
   * const mutex = new Mutex();
   * const permit = mutex.tryLock();
   * console.log(permit !== undefined, mutex.tryLock()); // true undefined
   * permit?.release();
   * ```
   */
  tryLock(): Permit | undefined {
    if (this.#locked) return undefined;
    this.#locked = true;
    return new OwnedPermit(this.#release);
  }

  /**
   * Runs `fn` while holding the lock and releases it however `fn` ends. Resolves or
   * rejects as `fn` does; rejects with `signal.reason` if aborted while still waiting for
   * the lock (an abort after that is `fn`'s business).
   *
   * @example
   * ```ts
   * import { Mutex } from '@interleave/toolkit';
   * const mutex = new Mutex();
   * const log: string[] = [];
   * await Promise.all(['a', 'b'].map((name) => mutex.runExclusive(async () => {
   *   log.push(`${name} in`);
   *   await Promise.resolve();
   *   log.push(`${name} out`);
   * })));
   * console.log(log); // ['a in', 'a out', 'b in', 'b out']
   * ```
   */
  async runExclusive<T>(fn: () => T | PromiseLike<T>, options?: MutexLockOptions): Promise<Awaited<T>> {
    if (typeof fn !== 'function') {
      throw new TypeError(`Mutex.runExclusive(): fn must be a function, got ${describe(fn)}`);
    }
    const permit = await this.lock(options);
    try {
      return await fn();
    } finally {
      permit.release();
    }
  }

  #unlock(): void {
    const next = this.#waiters.shift();
    if (next === undefined) this.#locked = false;
    else next.resolve(new OwnedPermit(this.#release));
  }
}

/**
 * Releases `mutex` on behalf of whoever holds it, without touching their permit: the
 * hook {@link Condition} uses to let go of the lock while it waits. Internal.
 *
 * @internal
 */
export function unlockHeldMutex(mutex: Mutex): void {
  if (!mutex.locked) throw new Error('unlockHeldMutex: the mutex is not locked');
  unlock(mutex);
}
