// Wrong: pushes each error as it arrives, so errors[0] is the first to fail, not the first
// attempt — the caller cannot tell which mirror said what.
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

export function firstSuccessful<T>(attempts: readonly Attempt<T>[]): Promise<T> {
  const controller = new AbortController();
  const errors: unknown[] = [];
  return new Promise<T>((resolve, reject) => {
    if (attempts.length === 0) return reject(new AggregateError([], 'no attempts'));
    for (const attempt of attempts) {
      Promise.resolve()
        .then(() => attempt(controller.signal))
        .then(
          (value) => {
            resolve(value);
            controller.abort();
          },
          (error: unknown) => {
            errors.push(error);
            if (errors.length === attempts.length) reject(new AggregateError(errors, 'all failed'));
          },
        );
    }
  });
}
