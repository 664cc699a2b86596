/**
 * Exercise 1 — return a promise.
 *
 * Make `double` return a promise that resolves to `value * 2`.
 *
 * Two rules, both checked by the tests:
 * - It always returns a promise — never the number itself.
 * - When `value` is not a finite number (NaN, Infinity), the promise *rejects* with a
 *   `RangeError` whose message names the parameter, e.g. "value must be a finite number,
 *   got NaN". It must not throw while being called: a caller who writes
 *   `double(x).catch(handle)` expects every failure to arrive in `.catch`.
 *
 * @example
 * ```ts
 * const four = await double(2); // 4
 * double(Number.NaN).catch((error) => console.log(error.name)); // logs "RangeError"
 * ```
 */
export function double(value: number): Promise<number> {
  // TODO: return a promise of value * 2, and reject (not throw) on NaN or Infinity.
  throw new Error('Not implemented: double');
}
