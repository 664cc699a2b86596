// Wrong: lock() tries once and returns whether or not it got the lock. The caller has no
// way to know, and walks into the critical section while another thread is inside.
export class SpinLock {
  #cells: Int32Array;
  #index: number;

  constructor(cells: Int32Array, index = 0) {
    this.#cells = cells;
    this.#index = index;
  }

  tryLock(): boolean {
    return Atomics.compareExchange(this.#cells, this.#index, 0, 1) === 0;
  }

  lock(): void {
    this.tryLock();
  }

  unlock(): void {
    Atomics.store(this.#cells, this.#index, 0);
  }
}
