// Wrong: every sleep gets the full timeoutMs again. Each wake-up (a notify, after which
// another thread took the lock first) restarts the clock, so a steady stream of wake-ups
// keeps the caller waiting far past its timeout — here, forever.
export function tryLockFor(cells: Int32Array, index: number, timeoutMs: number): boolean {
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`tryLockFor: timeoutMs must be a number >= 0 (or Infinity), got ${String(timeoutMs)}`);
  }
  for (;;) {
    if (Atomics.compareExchange(cells, index, 0, 1) === 0) return true;
    if (Atomics.wait(cells, index, 1, timeoutMs) === 'timed-out') return false;
  }
}
