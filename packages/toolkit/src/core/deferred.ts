/**
 * `deferred()`: a promise together with the functions that settle it.
 *
 * @module
 */

/** A promise and its `resolve`/`reject`, made by {@link deferred}. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  /** Fulfils `promise` (or follows a thenable). Later calls of either function do nothing. */
  readonly resolve: (value: T | PromiseLike<T>) => void;
  /** Rejects `promise`. Later calls of either function do nothing. */
  readonly reject: (reason?: unknown) => void;
  /**
   * `'pending'` until `resolve` or `reject` is first called, then `'fulfilled'` or
   * `'rejected'` (resolving with a thenable counts as `'fulfilled'` here).
   */
  readonly state: 'pending' | 'fulfilled' | 'rejected';
}

/**
 * Makes a promise that you settle from outside — the building block of deterministic
 * concurrency tests: hold a task at a point, look at the state, then let it go on
 * (`Promise.withResolvers()`, which Node 20 lacks, plus `state`).
 *
 * @example
 * ```ts
 * import { deferred } from '@interleave/toolkit';
 *
 * const gate = deferred<string>();
 * const task = (async () => `got ${await gate.promise}`)();
 * console.log(gate.state); // 'pending'
 * gate.resolve('go');
 * console.log(await task, gate.state); // 'got go' 'fulfilled'
 * ```
 */
export function deferred<T = void>(): Deferred<T> {
  let resolvePromise!: (value: T | PromiseLike<T>) => void;
  let rejectPromise!: (reason?: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  let state: Deferred<T>['state'] = 'pending';
  return {
    promise,
    resolve(value) {
      if (state === 'pending') state = 'fulfilled';
      resolvePromise(value);
    },
    reject(reason) {
      if (state === 'pending') state = 'rejected';
      rejectPromise(reason);
    },
    get state() {
      return state;
    },
  };
}
