/** An error-first callback: `callback(error)` on failure, `callback(null, value)` on success. */
export type ErrorFirstCallback<T> = (error: unknown, value?: T) => void;

/**
 * Exercise 1 — promisify.
 *
 * Node's oldest APIs take a callback last and call it "error first":
 * `fs.readFile(path, 'utf8', (error, text) => …)`. Write `promisify(fn)`: it returns a
 * function that takes the same arguments *without* the callback and returns a promise.
 *
 * - `callback(null, value)` or `callback(undefined, value)` → the promise resolves with `value`;
 * - `callback(error)` with an error that is there (not null, not undefined) → it rejects with that error itself;
 * - if `fn` throws synchronously, the promise rejects — the call itself never throws;
 * - `this` is passed through, so `promisify(obj.method)` called as `obj.method2(...)` still works;
 * - the promise settles **once**, even if `fn` calls back twice (some libraries do).
 *
 * (Node has `util.promisify`; write your own here — that is the exercise.)
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
  // TODO: return a function(...args) that returns new Promise((resolve, reject) => …),
  // calling fn with the args and a callback of your own.
  throw new Error('Not implemented: promisify');
}
