/** One attempt: it gets a signal that aborts once another attempt has won. */
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Exercise 2 — the first that succeeds (reference solution).
 *
 * `Promise.any` semantics — the first *fulfilled* value wins, a rejection is only a loss —
 * plus what `Promise.any` cannot do: the losers are told to stop.
 *
 * @example
 * ```ts
 * const mirrors = ['https://a.example/file', 'https://b.example/file'];
 * const text = await firstSuccessful(mirrors.map((url) => (signal: AbortSignal) => fetch(url, { signal }).then((r) => r.text())));
 * ```
 */
export function firstSuccessful<T>(attempts: readonly Attempt<T>[]): Promise<T> {
  // One controller for all: when one attempt wins, a single abort() reaches every loser.
  const controller = new AbortController();
  const errors: unknown[] = new Array(attempts.length);
  let failures = 0;
  return new Promise<T>((resolve, reject) => {
    if (attempts.length === 0) {
      // Promise.any([]) rejects at once: with nothing to try, nothing can succeed.
      reject(new AggregateError([], 'firstSuccessful: no attempts were given'));
      return;
    }
    attempts.forEach((attempt, index) => {
      // Promise.resolve().then(...) also turns a synchronous throw into a failed attempt.
      Promise.resolve()
        .then(() => attempt(controller.signal))
        .then(
          (value) => {
            resolve(value); // only the first call counts
            controller.abort(new Error('firstSuccessful: another attempt won'));
          },
          (error: unknown) => {
            // Keep errors by input position, not by the order they arrive: the caller
            // can then tell which mirror failed how.
            errors[index] = error;
            if (++failures === attempts.length) {
              reject(new AggregateError(errors, `firstSuccessful: all ${attempts.length} attempts failed`));
            }
          },
        );
    });
  });
}
