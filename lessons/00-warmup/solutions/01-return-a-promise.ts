/**
 * Return a promise that resolves to `value * 2`.
 */
export async function double(value: number): Promise<number> {
  // `async` wraps the return value in a resolved promise for us.
  return value * 2;
}
