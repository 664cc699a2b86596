/**
 * `Semaphore`: at most N holders at a time, FIFO and abortable.
 *
 * @module
 */
import { OwnedPermit } from './permit.ts';
import type { Permit } from './permit.ts';
import { WaiterQueue, describe, readSignal } from '../internal/waiter-queue.ts';
import { checkCount } from '../internal/check.ts';

/** Options of {@link Semaphore.acquire} and {@link Semaphore.withPermit}. */
export interface SemaphoreAcquireOptions {
  /**
   * Aborting it while the call waits takes the call out of the queue and rejects it with
   * `signal.reason`; an already aborted signal rejects at once. Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * A counter of permits: `acquire()` takes one (waiting while none is left), releasing the
 * {@link Permit} gives it back. Bounds how many tasks use a resource at once.
 *
 * - **FIFO hand-off, no barging**: a released permit goes straight to the first waiter,
 *   so `available` stays 0 and `tryAcquire()` fails while anyone is queued.
 * - **Abortable**: an aborted waiter leaves the queue before it rejects with
 *   `signal.reason`; no listener stays on the signal.
 * - **O(1)** per acquire, release and abort. Releasing a permit twice does nothing.
 *
 * @example
 * ```ts
 * import { Semaphore } from '@interleave/toolkit';
 *
 * const semaphore = new Semaphore(2);
 * let running = 0;
 * let peak = 0;
 * await Promise.all([1, 2, 3, 4, 5].map((n) => semaphore.withPermit(async () => {
 *   peak = Math.max(peak, ++running);
 *   await new Promise((r) => setTimeout(r, 5 * n));
 *   running--;
 * })));
 * console.log(peak); // 2
 * ```
 */
export class Semaphore {
  #available: number;
  readonly #permits: number;
  readonly #waiters = new WaiterQueue<Permit>();
  readonly #release = (): void => this.#giveBack();

  /**
   * @param permits how many holders at once: a positive safe integer. (asyncio allows 0
   *   because its `release()` can be called without an `acquire()`; here only a permit
   *   gives one back, so 0 permits could never be acquired.)
   * @throws {TypeError} when `permits` is not a number; {RangeError} when it is not a positive safe integer.
   */
  constructor(permits: number) {
    if (permits === 0) {
      throw new RangeError('Semaphore: permits must be an integer from 1 to 2**53 - 1, got 0 (no permit could ever be acquired; to make tasks wait for a signal, use an Event)');
    }
    checkCount('Semaphore', 'permits', permits, { min: 1 });
    this.#permits = permits;
    this.#available = permits;
  }

  /** The number of permits it was created with. */
  get permits(): number {
    return this.#permits;
  }

  /** Permits free right now. */
  get available(): number {
    return this.#available;
  }

  /** Calls queued for a permit. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Resolves with a {@link Permit}: at once while permits are free and nobody waits,
   * otherwise in turn.
   *
   * @example
   * ```ts
   * import { Semaphore } from '@interleave/toolkit';
   * const semaphore = new Semaphore(1);
   * const held = await semaphore.acquire();
   * const next = semaphore.acquire();
   * console.log(semaphore.waiting); // 1
   * held.release();
   * (await next).release();
   * console.log(semaphore.available); // 1
   * ```
   */
  acquire(options?: SemaphoreAcquireOptions): Promise<Permit> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, 'Semaphore.acquire()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#available > 0) {
      this.#available--;
      return Promise.resolve(new OwnedPermit(this.#release));
    }
    return this.#waiters.wait(undefined, signal);
  }

  /**
   * Takes a permit if one is free (then nobody waits); otherwise returns `undefined`.
   *
   * @example
   * ```ts
   * import { Semaphore } from '@interleave/toolkit';
   * const semaphore = new Semaphore(1);
   * const permit = semaphore.tryAcquire();
   * console.log(semaphore.tryAcquire()); // undefined
   * permit?.release();
   * ```
   */
  tryAcquire(): Permit | undefined {
    if (this.#available === 0) return undefined;
    this.#available--;
    return new OwnedPermit(this.#release);
  }

  /**
   * Runs `fn` holding a permit and gives it back however `fn` ends.
   *
   * @example
   * ```ts
   * import { Semaphore } from '@interleave/toolkit';
   * const semaphore = new Semaphore(3);
   * const body = await semaphore.withPermit(async () => 'fetched');
   * console.log(body); // 'fetched'
   * ```
   */
  async withPermit<T>(fn: () => T | PromiseLike<T>, options?: SemaphoreAcquireOptions): Promise<Awaited<T>> {
    if (typeof fn !== 'function') {
      throw new TypeError(`Semaphore.withPermit(): fn must be a function, got ${describe(fn)}`);
    }
    const permit = await this.acquire(options);
    try {
      return await fn();
    } finally {
      permit.release();
    }
  }

  #giveBack(): void {
    const next = this.#waiters.shift();
    if (next === undefined) this.#available++;
    else next.resolve(new OwnedPermit(this.#release));
  }
}
