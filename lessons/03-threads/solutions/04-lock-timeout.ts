/**
 * Exercise 4 — a lock with a timeout (reference solution).
 *
 * Waits at most `timeoutMs` for the lock word `cells[index]` (0 free, 1 held) and takes it.
 *
 * @example
 * ```ts
 * const cells = new Int32Array(new SharedArrayBuffer(4));
 * if (tryLockFor(cells, 0, 100)) {
 *   Atomics.store(cells, 0, 0);
 *   Atomics.notify(cells, 0);
 * }
 * ```
 */
export function tryLockFor(cells: Int32Array, index: number, timeoutMs: number): boolean {
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`tryLockFor: timeoutMs must be a number >= 0 (or Infinity), got ${String(timeoutMs)}`);
  }
  // One deadline for the whole call. Atomics.wait returns only on a notify or a timeout
  // (ECMA-262), but a notify does not make the lock ours: another thread may take it
  // between the notify and our retry. Each sleep gets only the time that is left, so the
  // total wait is bounded whatever happens.
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (Atomics.compareExchange(cells, index, 0, 1) === 0) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    // Sleeps only while the word is still 1; if it became 0 since our compareExchange,
    // wait() returns "not-equal" at once and we try again.
    Atomics.wait(cells, index, 1, left);
  }
}
