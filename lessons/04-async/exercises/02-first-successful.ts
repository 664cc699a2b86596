/** One attempt: it gets a signal that aborts once another attempt has won. */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Exercise 2 — the first that succeeds.
 *
 * The same file is on three mirrors; ask all three at once and take the first good answer.
 * `firstSuccessful(attempts)` starts every attempt at once, each with an `AbortSignal`, and:
 *
 * - resolves with the value of the first attempt that **fulfils** (a fast failure is not
 *   a win — that is `Promise.any`, not `Promise.race`);
 * - then aborts the signal it gave the attempts, so the losers stop their requests;
 * - if every attempt rejects, rejects with an `AggregateError` whose `errors` are in the
 *   order of the attempts (not the order they failed in);
 * - with no attempts at all, rejects with an `AggregateError` at once (like `Promise.any([])`).
 *
 * @example
 * ```ts
 * const mirrors = ['https://a.example/file', 'https://b.example/file'];
 * const text = await firstSuccessful(mirrors.map((url) => (signal: AbortSignal) => fetch(url, { signal }).then((r) => r.text())));
 * ```
 */
export function firstSuccessful<T>(attempts: readonly Attempt<T>[]): Promise<T> {
  // TODO: one AbortController; start every attempt with its signal; resolve on the first
  // success and abort the rest; collect errors by index and reject with an AggregateError
  // when all have failed.
  throw new Error('Not implemented: firstSuccessful');
}
