/**
 * Exercise 3 — a mutex that sleeps (Atomics.wait / Atomics.notify).
 *
 * The spinlock of exercise 2 burns a whole core while it waits. A mutex should let the
 * waiting thread *sleep* until the holder lets go. The lock word `cells[index]` now has
 * three values:
 *
 *   0 = free · 1 = held, nobody waiting · 2 = held, and someone may be asleep waiting
 *
 * - `lock()`: take it with `compareExchange(0 → 1)`. If that fails, mark it 2 and sleep
 *   with `Atomics.wait(cells, index, 2)` until woken; then try again (as 2, since others may
 *   still be asleep). `Atomics.exchange(cells, index, 2)` does "mark it 2 and tell me what
 *   it was" in one step: if it was 0, you have the lock.
 * - `unlock()`: set the word to 0; if it was 2, wake one sleeper with
 *   `Atomics.notify(cells, index, 1)`. If it was already 0 the lock was not held —
 *   **released twice** — throw an `Error` that says so, and change nothing.
 * - `tryLock()`: take it if free, never wait.
 *
 * `Atomics.wait` blocks the calling thread. Node allows it on the main thread too, but
 * there it freezes the event loop while it sleeps: wait in workers.
 *
 * @example
 * ```ts
 * const cells = new Int32Array(new SharedArrayBuffer(4));
 * const mutex = new Mutex(cells, 0); // in a worker: new Mutex(new Int32Array(workerData.buffer), 0)
 * mutex.lock();
 * // … critical section …
 * mutex.unlock();
 * ```
 */
export class Mutex {
  #cells: Int32Array;
  #index: number;

  constructor(cells: Int32Array, index = 0) {
    this.#cells = cells;
    this.#index = index;
  }

  tryLock(): boolean {
    // TODO: compareExchange 0 → 1.
    throw new Error('Not implemented: Mutex.tryLock');
  }

  lock(): void {
    // TODO: fast path compareExchange 0 → 1; else exchange to 2 and Atomics.wait until it was 0.
    throw new Error('Not implemented: Mutex.lock');
  }

  unlock(): void {
    // TODO: throw if free; else set 0 and notify one waiter if it was 2.
    throw new Error(`Not implemented: Mutex.unlock (lock word at index ${this.#index} of ${this.#cells.length})`);
  }
}
