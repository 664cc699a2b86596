/**
 * Exercise 3 — a mutex that sleeps (reference solution).
 *
 * Lock word: 0 free · 1 held, nobody waiting · 2 held, someone may be asleep. The lock
 * side is the exchange loop of the third (last) mutex in Ulrich Drepper's paper "Futexes Are
 * Tricky" (his unlock is an atomic decrement; this one uses compareExchange so that a
 * second release is caught). The holder only pays for a wake-up call (a system call) when
 * someone might actually be asleep.
 *
 * @example
 * ```ts
 * const cells = new Int32Array(new SharedArrayBuffer(4));
 * const mutex = new Mutex(cells, 0);
 * mutex.lock();
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
    return Atomics.compareExchange(this.#cells, this.#index, 0, 1) === 0;
  }

  lock(): void {
    const cells = this.#cells;
    const i = this.#index;
    // Fast path: free → held, no system call at all.
    if (Atomics.compareExchange(cells, i, 0, 1) === 0) return;
    // Slow path: announce "someone is waiting" (2) and sleep while the word is still 2.
    // exchange() both marks it and tells us what it was; if it was 0 the holder let go in
    // the meantime and we now hold it (as 2 — we cannot know nobody else is waiting, so we
    // keep the more careful state; the cost is at most one needless notify).
    while (Atomics.exchange(cells, i, 2) !== 0) {
      // Sleeps only if the word is still 2 — if unlock() ran between our exchange and this
      // call, the word is 0, wait() returns "not-equal" at once and we loop: no lost wake-up.
      Atomics.wait(cells, i, 2);
    }
  }

  unlock(): void {
    const cells = this.#cells;
    const i = this.#index;
    // compareExchange, not a load then a store: between our load (say 1) and a store of 0,
    // a waiter can exchange in 2 and go to sleep. The store would wipe out that 2 and we
    // would skip the notify — a sleeper nobody wakes. The compareExchange fails instead,
    // and we read the word again. A 0 means the lock was not held: released twice.
    for (;;) {
      const seen = Atomics.load(cells, i);
      if (seen === 0) throw new Error('Mutex.unlock: the lock is not held (released twice?)');
      if (Atomics.compareExchange(cells, i, seen, 0) === seen) {
        // Someone may be asleep: wake exactly one (waking all would make them all race for it).
        if (seen === 2) Atomics.notify(cells, i, 1);
        return;
      }
    }
  }
}
