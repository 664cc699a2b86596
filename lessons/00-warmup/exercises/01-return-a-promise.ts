/**
 * Return a promise that resolves to `value * 2`.
 */
export function double(value: number): Promise<number> {
  // TODO: return a promise of value * 2
  throw new Error('Not implemented: double');
}
