// Looking at a promise without awaiting it: has it settled yet, and how?
/**
 * Watches a promise so a test can ask, at any moment, whether it has settled yet and how.
 * Attaching the watcher also counts as handling a rejection, so a rejected promise under
 * observation is never reported as unhandled.
 *
 * @example
 * ```ts
 * import { flush, observe } from '@interleave/lesson-kit/testing';
 *
 * const watched = observe(Promise.resolve(1));
 * await flush();
 * console.log(watched.state, watched.value); // "fulfilled" 1
 * ```
 */
export interface Observed<T> {
  readonly state: 'pending' | 'fulfilled' | 'rejected';
  readonly value: T | undefined;
  readonly reason: unknown;
}

/** Starts observing `promise` (see {@link Observed}). */
export function observe<T>(promise: Promise<T>): Observed<T> {
  const seen: { state: Observed<T>['state']; value: T | undefined; reason: unknown } = {
    state: 'pending',
    value: undefined,
    reason: undefined,
  };
  promise.then(
    (value) => {
      seen.state = 'fulfilled';
      seen.value = value;
    },
    (reason: unknown) => {
      seen.state = 'rejected';
      seen.reason = reason;
    },
  );
  return seen;
}
