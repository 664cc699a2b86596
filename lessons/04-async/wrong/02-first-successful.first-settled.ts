// Wrong: Promise.race — the first attempt to *settle* wins, so a mirror that fails fast
// makes the whole call fail while a good mirror is still answering.
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

export function firstSuccessful<T>(attempts: readonly Attempt<T>[]): Promise<T> {
  const controller = new AbortController();
  if (attempts.length === 0) return Promise.reject(new AggregateError([], 'no attempts'));
  return Promise.race(attempts.map((attempt) => Promise.resolve().then(() => attempt(controller.signal)))).finally(() => controller.abort());
}
