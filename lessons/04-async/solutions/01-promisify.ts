/** An error-first callback: `callback(error)` on failure, `callback(null, value)` on success. */
export type ErrorFirstCallback<T> = (error: unknown, value?: T) => void;

/**
 * Exercise 1 — promisify (reference solution).
 *
 * Turns `fn(...args, callback)` into `(...args) => Promise<value>`.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs';
 * const read = promisify<[string, 'utf8'], string>(readFile);
 * console.log((await read('package.json', 'utf8')).length > 0); // true
 * ```
 */
export function promisify<A extends unknown[], T>(
  fn: (...args: [...A, ErrorFirstCallback<T>]) => void,
): (...args: A) => Promise<T> {
  if (typeof fn !== 'function') throw new TypeError(`promisify: fn must be a function, got ${typeof fn}`);
  // A `function`, not an arrow: a method promisified and called as `obj.method(...)` keeps its `this`.
  return function (this: unknown, ...args: A): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // A promise settles once: a second resolve() or reject() is ignored by the language
      // itself, so an API that calls back twice cannot change the result or cause an
      // unhandled rejection. No flag of our own is needed.
      const callback: ErrorFirstCallback<T> = (error, value) => {
        // "Error-first" means any error value: Node passes null, some APIs pass undefined
        // or call back with no arguments on success. Only a value that is there is an error.
        if (error !== null && error !== undefined) reject(error);
        else resolve(value as T);
      };
      // A synchronous throw (bad arguments, usually) escapes fn before any callback. Inside
      // the executor it becomes a rejection, so the caller's .catch() sees it — callers of a
      // promise-returning function never expect a throw at the call.
      fn.call(this, ...args, callback);
    });
  };
}
