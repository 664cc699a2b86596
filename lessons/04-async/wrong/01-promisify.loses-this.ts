// Wrong: an arrow function and a plain call `fn(...args, callback)`: a promisified method
// runs with `this` undefined and fails on `this.prefix`.
export type ErrorFirstCallback<T> = (error: unknown, value?: T) => void;

export function promisify<A extends unknown[], T>(fn: (...args: [...A, ErrorFirstCallback<T>]) => void): (...args: A) => Promise<T> {
  if (typeof fn !== 'function') throw new TypeError(`promisify: fn must be a function, got ${typeof fn}`);
  return (...args: A) =>
    new Promise<T>((resolve, reject) => {
      fn(...args, (error: unknown, value?: T) => (error !== null && error !== undefined ? reject(error) : resolve(value as T)));
    });
}
