// Wrong: treats anything but null as an error, so `callback(undefined, value)` (or a bare
// `callback()`) rejects with undefined instead of resolving.
export type ErrorFirstCallback<T> = (error: unknown, value?: T) => void;

export function promisify<A extends unknown[], T>(fn: (...args: [...A, ErrorFirstCallback<T>]) => void): (...args: A) => Promise<T> {
  if (typeof fn !== 'function') throw new TypeError(`promisify: fn must be a function, got ${typeof fn}`);
  return function (this: unknown, ...args: A): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      fn.call(this, ...args, (error: unknown, value?: T) => (error !== null ? reject(error) : resolve(value as T)));
    });
  };
}
