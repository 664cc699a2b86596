/** Options of {@link sleep}. */
export interface SleepOptions {
  /** Cancels the wait. Default: none, the wait cannot be cancelled. */
  readonly signal?: AbortSignal;
}

/**
 * Exercise 4 — a first AbortSignal.
 *
 * `sleep(ms, { signal })` returns a promise that resolves (to `undefined`) after `ms`
 * milliseconds, unless `signal` aborts first. Make it:
 *
 * - resolve after `ms` milliseconds (use `setTimeout`);
 * - when the signal aborts while waiting: reject with **`signal.reason`** (whatever the
 *   caller passed to `controller.abort(reason)` — not an error of your own) and cancel
 *   the timer with `clearTimeout`;
 * - when the signal is already aborted on the call: reject at once with `signal.reason`,
 *   without starting a timer;
 * - leave nothing behind either way: once the promise has settled, no timer is pending and
 *   no `'abort'` listener of yours is left on the signal. (A signal often lives much
 *   longer than one sleep — think of a "shutting down" signal shared by a whole server —
 *   and every forgotten listener stays in memory until the signal goes away.)
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
  // TODO: new Promise((resolve, reject) => { … }) with setTimeout, and an 'abort'
  // listener that clears the timer and rejects with signal.reason.
  throw new Error('Not implemented: sleep');
}
