// Wrong: unlock() stores 0 whatever the lock word holds. A second unlock() passes silently —
// and if another thread took the lock in between, it frees *their* lock, letting a third
// thread in beside them.
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
    if (Atomics.compareExchange(this.#cells, this.#index, 0, 1) === 0) return;
    while (Atomics.exchange(this.#cells, this.#index, 2) !== 0) Atomics.wait(this.#cells, this.#index, 2);
  }

  unlock(): void {
    if (Atomics.exchange(this.#cells, this.#index, 0) === 2) Atomics.notify(this.#cells, this.#index, 1);
  }
}
