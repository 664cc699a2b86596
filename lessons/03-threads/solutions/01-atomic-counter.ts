/**
 * Exercise 1 — count with Atomics (reference solution).
 *
 * Adds 1 to `counter[index]`, `times` times, without losing an increment when other threads
 * do the same at once.
 *
 * @example
 * ```ts
 * const counter = new Int32Array(new SharedArrayBuffer(4));
 * countUp(counter, 0, 3);
 * console.log(counter[0]); // 3
 * ```
 */
export function countUp(counter: Int32Array, index: number, times: number): void {
  if (!Number.isInteger(times) || times < 0) {
    throw new RangeError(`countUp: times must be an integer >= 0, got ${times}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= counter.length) {
    throw new RangeError(`countUp: index must be an integer in [0, ${counter.length - 1}], got ${index}`);
  }
  for (let i = 0; i < times; i++) {
    // One indivisible read-modify-write: the CPU does the load, the add and the store as a
    // single step (a locked instruction on x86), so no other thread can slip a store in
    // between. `Atomics.add(counter, index, times)` once would be just as correct — and
    // faster; the loop is here to show that each single step is safe on its own.
    Atomics.add(counter, index, 1);
  }
}
