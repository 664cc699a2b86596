/**
 * `Permit`: the receipt for a held lock or semaphore permit.
 *
 * @module
 */

/**
 * What {@link Mutex.lock} and {@link Semaphore.acquire} give you: hold it while you use
 * the resource, then `release()` it — or let `using` do that. Releasing twice is a no-op,
 * so a `finally` and a `using` never release someone else's turn.
 *
 * @example
 * ```ts
 * import { Mutex } from '@interleave/toolkit';
 * const mutex = new Mutex();
 * {
 *   using permit = await mutex.lock();
 *   console.log(mutex.locked, permit.released); // true false
 * } // released here
 * console.log(mutex.locked); // false
 * ```
 */
export interface Permit extends Disposable {
  /** Gives the lock or permit back (to the first waiter, if any). Idempotent. */
  release(): void;
  /** Whether `release()` has run. */
  readonly released: boolean;
}

/**
 * The one implementation of {@link Permit}: it calls its owner's release function once.
 * The owner passes one function it made once, so a permit costs one small object.
 */
export class OwnedPermit implements Permit {
  #release: (() => void) | undefined;

  constructor(release: () => void) {
    this.#release = release;
  }

  get released(): boolean {
    return this.#release === undefined;
  }

  release(): void {
    const release = this.#release;
    if (release === undefined) return;
    this.#release = undefined;
    release();
  }

  [Symbol.dispose](): void {
    this.release();
  }
}
