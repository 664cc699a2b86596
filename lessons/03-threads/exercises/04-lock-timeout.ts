/**
 * Exercise 4 — a lock with a timeout.
 *
 * A thread that waits forever for a lock turns one bug (a holder that never lets go) into
 * a hang. `tryLockFor` waits **at most** `timeoutMs` milliseconds, then gives up.
 *
 * The lock word `cells[index]` is 0 (free) or 1 (held). Whoever releases it stores 0 and
 * calls `Atomics.notify(cells, index)`.
 *
 * - Take it with `Atomics.compareExchange(cells, index, 0, 1)`; return `true` when you did.
 * - Otherwise sleep with `Atomics.wait(cells, index, 1, timeLeft)` and try again.
 *   `Atomics.wait` returns on a notify or when its time is up, for no other reason
 *   (ECMA-262) — but a notify does not hand you the lock: another thread can take it between
 *   the notify and your retry. So loop. The deadline is fixed once, at the start: each sleep
 *   gets only the time that is **left**, or a stream of wake-ups keeps it waiting forever.
 * - When the time is up and the lock is still held, return `false`.
 * - `timeoutMs` must be a number ≥ 0 (Infinity allowed); otherwise throw a `RangeError` naming it.
 *
 * @example
 * ```ts
 * const cells = new Int32Array(new SharedArrayBuffer(4));
 * if (tryLockFor(cells, 0, 100)) {
 *   try {
 *     // … critical section …
 *   } finally {
 *     Atomics.store(cells, 0, 0);
 *     Atomics.notify(cells, 0);
 *   }
 * }
 * ```
 */
export function tryLockFor(cells: Int32Array, index: number, timeoutMs: number): boolean {
  // TODO: check timeoutMs, fix a deadline, then compareExchange / Atomics.wait(time left) in a loop.
  throw new Error('Not implemented: tryLockFor');
}
