/**
 * A promise together with the functions that settle it, so a test decides *when* an
 * operation finishes instead of waiting for a clock.
 *
 * @example
 * ```ts
 * const d = deferred<number>();
 * setTimeout(() => d.resolve(42), 0);
 * console.log(await d.promise); // 42
 * ```
 */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** Makes a {@link Deferred}. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
