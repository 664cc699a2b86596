/**
 * Exercise 2 — a spinlock (reference solution).
 *
 * A lock in one 32-bit slot of shared memory: 0 free, 1 held.
 *
 * @example
 * ```ts
 * const cells = new Int32Array(new SharedArrayBuffer(4));
 * const lock = new SpinLock(cells, 0);
 * lock.lock();
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
    // compareExchange writes 1 only if the slot still holds 0, and returns what it found —
    // in one indivisible step. If two threads race here, exactly one of them finds 0.
    return Atomics.compareExchange(this.#cells, this.#index, 0, 1) === 0;
  }

  lock(): void {
    // Spin: retry until the holder stores 0 and our compareExchange wins. This burns a core
    // while it waits, which is fine for very short critical sections and wasteful for long
    // ones — exercise 3 sleeps instead.
    while (!this.tryLock()) {
      // busy-wait
    }
  }

  unlock(): void {
    // exchange() sets 0 and tells us what was there, atomically: if it was already 0, the
    // lock was not held — someone unlocks twice, and hiding that would hide a real bug.
    if (Atomics.exchange(this.#cells, this.#index, 0) !== 1) {
      throw new Error('SpinLock.unlock: the lock is not held (unlocked twice?)');
    }
  }
}
