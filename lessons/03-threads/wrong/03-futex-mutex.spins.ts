// Wrong: correct, but it spins — a waiting thread retries compareExchange millions of times
// a second instead of sleeping in Atomics.wait, burning a core the holder may need.
export class Mutex {
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
    while (!this.tryLock()) {
      // busy-wait
    }
  }

  unlock(): void {
    if (Atomics.exchange(this.#cells, this.#index, 0) === 0) throw new Error('Mutex.unlock: the lock is not held (released twice?)');
  }
}
