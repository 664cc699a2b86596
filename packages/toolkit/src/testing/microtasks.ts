// Test helpers for promise-level tests: step the microtask queue and watch promises settle
// without awaiting them. Deliberately built on nothing from the toolkit, so a bug in
// `deferred()` cannot hide a bug in the primitive a test is about.

/** Lets `n` rounds of already-queued microtasks (and the ones they queue) run. */
export async function turns(n = 10): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/** A promise with its resolve and reject in hand. */
export function gate<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Records whether `promise` settled, without awaiting it (and marks its rejection handled). */
export function track<T>(promise: Promise<T>): { readonly settled: boolean; readonly promise: Promise<T> } {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

/** Rejects with `signal.reason` when `signal` aborts (at once if it already has), else settles as `until` does. */
export function abortable<T>(signal: AbortSignal, until: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    until.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    }, reject);
  });
}
