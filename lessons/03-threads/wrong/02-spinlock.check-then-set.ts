// Wrong: "if it is free, take it" in two steps. Both threads can load 0 before either
// stores 1, and both walk into the critical section. Each step is atomic; the pair is not.
export class SpinLock {
  #cells: Int32Array;
  #index: number;

  constructor(cells: Int32Array, index = 0) {
    this.#cells = cells;
    this.#index = index;
  }

  tryLock(): boolean {
    if (Atomics.load(this.#cells, this.#index) !== 0) return false;
    Atomics.store(this.#cells, this.#index, 1);
    return true;
  }

  lock(): void {
    while (!this.tryLock()) {
      // busy-wait
    }
  }

  unlock(): void {
    if (Atomics.exchange(this.#cells, this.#index, 0) !== 1) {
      throw new Error('SpinLock.unlock: the lock is not held (unlocked twice?)');
    }
  }
}
