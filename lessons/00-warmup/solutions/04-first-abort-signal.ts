/** Options of {@link sleep}. */
export interface SleepOptions {
  /** Cancels the wait. Default: none, the wait cannot be cancelled. */
  readonly signal?: AbortSignal;
}

/**
 * Exercise 4 — a first AbortSignal (reference solution).
 *
 * Resolves after `ms` milliseconds; rejects with `signal.reason` if the signal aborts
 * first (or already has). Leaves no timer and no listener behind.
 *
 * @example
 * ```ts
 * await sleep(100); // resolves after 100 ms
 *
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(new Error('user pressed stop')), 50);
 * await sleep(10_000, { signal: controller.signal }); // rejects after 50 ms: Error "user pressed stop"
 * ```
 */
export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  const { signal } = options;
  return new Promise<void>((resolve, reject) => {
    // Inputs first. Inside the executor a throw becomes a rejection, which is what a
    // caller of a promise-returning function expects.
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`sleep: ms must be a finite number >= 0, got ${ms}`);
    }
    // An 'abort' event fires only once, at the moment of aborting. A signal that is
    // already aborted will never fire it again, so a listener added now would wait for
    // nothing and we would sleep the full time. Check first, and start no timer at all.
    if (signal?.aborted) {
      // `signal.reason` is what the canceller chose: a DOMException "AbortError" from a
      // bare abort(), a "TimeoutError" from AbortSignal.timeout(), or their own error.
      // Rejecting with it lets callers tell *why* the wait ended.
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      // Cancel the timer: otherwise it keeps the process alive and fires for nothing.
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      // The time is up: our listener is no longer needed. Without this line, each sleep
      // on a long-lived signal leaves one more listener (and its closure) behind.
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    // `once: true` removes the listener when it fires, so both ways out clean up.
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
