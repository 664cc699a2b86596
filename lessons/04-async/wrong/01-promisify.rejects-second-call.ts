// Wrong: keeps the callback's results in a list and settles from the *last* one, a moment
// later — so an API that calls back twice (success, then a stray error) ends rejected.
export type ErrorFirstCallback<T> = (error: unknown, value?: T) => void;

export function promisify<A extends unknown[], T>(fn: (...args: [...A, ErrorFirstCallback<T>]) => void): (...args: A) => Promise<T> {
  if (typeof fn !== 'function') throw new TypeError(`promisify: fn must be a function, got ${typeof fn}`);
  return function (this: unknown, ...args: A): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let last: [unknown, T | undefined] | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      fn.call(this, ...args, (error: unknown, value?: T) => {
        last = [error, value];
        clearTimeout(timer);
        timer = setTimeout(() => (last![0] != null ? reject(last![0]) : resolve(last![1] as T)), 5);
      });
    });
  };
}
