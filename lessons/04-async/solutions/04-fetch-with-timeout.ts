/** Options of {@link fetchWithTimeout}. */
export interface FetchWithTimeoutOptions {
  /** Give up after this many ms — headers and body together. */
  readonly timeoutMs: number;
  /** The caller's own reason to stop (a user pressed stop, the server shuts down). */
  readonly signal?: AbortSignal;
}

/**
 * Exercise 4 — fetch with a timeout (reference solution).
 *
 * One signal that aborts on the deadline *or* on the caller's signal, handed to `fetch`.
 * Aborting it cancels the real request: undici closes the connection and the server sees
 * the client go away.
 *
 * @example
 * ```ts
 * const text = await fetchWithTimeout('http://127.0.0.1:8080/report', { timeoutMs: 2000 });
 * ```
 */
export async function fetchWithTimeout(url: string, options: FetchWithTimeoutOptions): Promise<string> {
  const { timeoutMs, signal } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`fetchWithTimeout: timeoutMs must be a finite number > 0, got ${timeoutMs}`);
  }
  // AbortSignal.timeout aborts with a DOMException named "TimeoutError". Its timer is
  // Node's own and unref'd: it never keeps the process alive, and there is nothing to clear.
  const deadline = AbortSignal.timeout(timeoutMs);
  // AbortSignal.any follows both without adding an 'abort' listener to the caller's signal
  // (it keeps weak references), so a long-lived signal collects nothing from us.
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const response = await fetch(url, { signal: combined });
  if (!response.ok) {
    // Free the connection: an unread body keeps it busy.
    await response.body?.cancel();
    throw new Error(`fetchWithTimeout: HTTP ${response.status} from ${url}`);
  }
  // Still under the same signal: a body that stalls halfway is cut off by the deadline too.
  return await response.text();
}
