// Wrong: sleeps correctly, but unlock() never calls Atomics.notify. A waiter that fell asleep
// on the word sleeps forever: a lost wake-up. (The test's watchdog ends it.)
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
    if (Atomics.exchange(this.#cells, this.#index, 0) === 0) throw new Error('Mutex.unlock: the lock is not held (released twice?)');
  }
}
