// Wrong: Promise.any gets the semantics right but never tells the losers to stop. Their
// requests run to the end for nothing — the server never sees them aborted.
export type Attempt<T> = (signal: AbortSignal) => Promise<T>;

export function firstSuccessful<T>(attempts: readonly Attempt<T>[]): Promise<T> {
  const controller = new AbortController();
  return Promise.any(attempts.map((attempt) => Promise.resolve().then(() => attempt(controller.signal))));
}
