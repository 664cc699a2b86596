/** A sleep that can be cancelled; the tests pass a virtual clock's. */
export type Sleep = (ms: number, options: { signal?: AbortSignal }) => Promise<void>;

/** Options of {@link retryFetch}. */
export interface RetryFetchOptions {
  /** Retries after the first attempt. Default 3 (so at most 4 requests). */
  readonly retries?: number;
  /** The backoff's first step, in ms. Default 100. */
  readonly baseMs?: number;
  /** The backoff never grows past this, in ms. Default 10_000. */
  readonly capMs?: number;
  /** Stops everything: the request in flight and the wait between attempts. */
  readonly signal?: AbortSignal;
  /** How to wait between attempts. Default: a real timer. */
  readonly sleep?: Sleep;
  /** A number in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Exercise 5 — retry with backoff.
 *
 * `retryFetch(url, options)` GETs `url` and tries again when the failure may be temporary —
 * without making an outage worse:
 *
 * - **Retry** a network error (fetch rejects, e.g. a dropped connection), a 5xx, and 429.
 *   **Never** retry any other 4xx (the request is wrong; asking again will not fix it):
 *   return that response, like a 2xx.
 * - Before retry number `n` (0 for the first retry), wait `random() * min(capMs, baseMs * 2 ** n)`
 *   ("full jitter": exponential backoff, spread at random so clients that failed together
 *   do not come back together). Wait with `options.sleep` (the tests give it a virtual clock).
 * - If the response has a `Retry-After` header in seconds, wait exactly that long instead.
 * - After `retries` retries, return the last response (or throw the last network error).
 * - `signal` stops everything: pass it to `fetch` *and* to `sleep`; reject with `signal.reason`.
 * - Check `retries` (an integer >= 0), `baseMs` (> 0) and `capMs` (>= baseMs): a
 *   `RangeError` naming the option.
 *
 * Before you wait, free the connection of a response you will not read: `await response.body?.cancel()`.
 *
 * @example
 * ```ts
 * const response = await retryFetch('http://127.0.0.1:8080/flaky', { retries: 5, signal: AbortSignal.timeout(30_000) });
 * ```
 */
export async function retryFetch(url: string, options: RetryFetchOptions = {}): Promise<Response> {
  // TODO: a loop of attempts: fetch; return unless the result is retryable; otherwise work
  // out the delay (Retry-After, or full jitter) and await sleep(delay, { signal }).
  throw new Error('Not implemented: retryFetch');
}
