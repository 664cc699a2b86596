/**
 * Exercise 2 — a spinlock.
 *
 * A lock that lives in one 32-bit slot of shared memory, `cells[index]`: 0 means free,
 * 1 means held. Any thread that builds a `SpinLock` over the same memory uses the same lock.
 *
 * - `tryLock()` takes the lock if it is free and returns `true`; otherwise returns `false`
 *   at once. Checking "is it 0?" and then writing 1 is two steps — two threads can both
 *   see 0. Do the check and the write as **one** atomic step: `Atomics.compareExchange`.
 * - `lock()` keeps trying until it gets the lock ("spinning"). It must not return without it.
 * - `unlock()` sets the slot back to 0. Unlocking a lock that is not held is a bug in the
 *   caller: throw an `Error` that says so.
 *
 * @example
 * ```ts
 * const cells = new Int32Array(new SharedArrayBuffer(4));
 * const lock = new SpinLock(cells, 0); // in a worker: new SpinLock(new Int32Array(workerData.buffer), 0)
 * lock.lock();
 * // … only one thread at a time runs here …
 * lock.unlock();
 * ```
 */
export class SpinLock {
  #cells: Int32Array;
  #index: number;

  constructor(cells: Int32Array, index = 0) {
    this.#cells = cells;
    this.#index = index;
  }

  tryLock(): boolean {
    // TODO: one Atomics.compareExchange from 0 (free) to 1 (held).
    throw new Error('Not implemented: SpinLock.tryLock');
  }

  lock(): void {
    // TODO: try until it works.
    throw new Error('Not implemented: SpinLock.lock');
  }

  unlock(): void {
    // TODO: throw if the lock is free, else store 0.
    throw new Error(`Not implemented: SpinLock.unlock (lock word at index ${this.#index} of ${this.#cells.length})`);
  }
}
