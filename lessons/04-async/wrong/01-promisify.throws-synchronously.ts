// Wrong: calls fn outside the promise. A synchronous throw (bad arguments) escapes to the
// caller at the call, where a `.catch()` or `await` in a try block placed around the
// promise never sees it.
export type ErrorFirstCallback<T> = (error: unknown, value?: T) => void;

export function promisify<A extends unknown[], T>(fn: (...args: [...A, ErrorFirstCallback<T>]) => void): (...args: A) => Promise<T> {
  if (typeof fn !== 'function') throw new TypeError(`promisify: fn must be a function, got ${typeof fn}`);
  return function (this: unknown, ...args: A): Promise<T> {
    let settle!: ErrorFirstCallback<T>;
    const promise = new Promise<T>((resolve, reject) => {
      settle = (error, value) => (error !== null && error !== undefined ? reject(error) : resolve(value as T));
    });
    fn.call(this, ...args, settle);
    return promise;
  };
}
