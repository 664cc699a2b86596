/**
 * Exercise 1 — return a promise (reference solution).
 *
 * Returns a promise that resolves to `value * 2`, or rejects with a `RangeError` when
 * `value` is not a finite number.
 *
 * @example
 * ```ts
 * const four = await double(2); // 4
 * double(Number.NaN).catch((error) => console.log(error.name)); // logs "RangeError"
 * ```
 */
export async function double(value: number): Promise<number> {
  // `async` does two things for us. It wraps whatever we return in a resolved promise,
  // and it turns anything we throw into a *rejected* promise instead of an exception at
  // the call site. So this `throw` reaches the caller's `.catch` or `try { await … }`,
  // which is where a caller of a promise-returning function looks for errors.
  if (!Number.isFinite(value)) {
    throw new RangeError(`value must be a finite number, got ${value}`);
  }
  return value * 2;
}
