// Wrong: tries once and reports failure without waiting at all — a lock that is released
// 1 ms later is never taken.
export function tryLockFor(cells: Int32Array, index: number, timeoutMs: number): boolean {
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`tryLockFor: timeoutMs must be a number >= 0 (or Infinity), got ${String(timeoutMs)}`);
  }
  return Atomics.compareExchange(cells, index, 0, 1) === 0;
}
