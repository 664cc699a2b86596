// Wrong: waits with no time limit. When the holder never lets go, the caller hangs forever —
// exactly what a timeout is for. (The test's watchdog stops the thread.)
export function tryLockFor(cells: Int32Array, index: number, timeoutMs: number): boolean {
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`tryLockFor: timeoutMs must be a number >= 0 (or Infinity), got ${String(timeoutMs)}`);
  }
  while (Atomics.compareExchange(cells, index, 0, 1) !== 0) Atomics.wait(cells, index, 1);
  return true;
}
