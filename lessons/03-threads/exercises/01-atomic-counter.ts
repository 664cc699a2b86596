/**
 * Exercise 1 — count with Atomics.
 *
 * Several threads call `countUp` on the same `Int32Array` over a `SharedArrayBuffer`, at the
 * same time. Add 1 to `counter[index]`, `times` times, so that **no increment is lost**:
 * two threads that each count to 1,000,000 must leave exactly 2,000,000.
 *
 * `counter[index]++` is not enough: it is a load, an add and a store, and another thread can
 * store in between — its increment is then overwritten (a "lost update").
 *
 * Check the inputs first: `times` must be an integer ≥ 0 and `index` a valid index of
 * `counter`; otherwise throw a `RangeError` that names the parameter and the value.
 *
 * @example
 * ```ts
 * const counter = new Int32Array(new SharedArrayBuffer(4));
 * countUp(counter, 0, 3);
 * console.log(counter[0]); // 3
 * ```
 */
export function countUp(counter: Int32Array, index: number, times: number): void {
  // TODO: check `times` and `index`, then add 1 atomically, `times` times.
  throw new Error('Not implemented: countUp');
}
