/**
 * `asCompleted(promises)`: the results of several promises, in the order they settle.
 *
 * @module
 */

/** Options of {@link asCompleted}. */
export interface AsCompletedOptions {
  /**
   * Aborting it makes a pending `next()` reject with `signal.reason` and ends the
   * iteration. It cannot stop the promises themselves — give their work the same signal
   * for that. Default: none.
   */
  readonly signal?: AbortSignal;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Yields the value of each promise as soon as it fulfils — first finished, first yielded
 * (asyncio's `as_completed`). Plain values count as already fulfilled. When one rejects,
 * the iteration rejects with that error itself at its turn and ends; the rejections of the
 * others are handled, so none is reported as unhandled.
 *
 * To know which input finished, map it first: `promises.map((p, i) => p.then((v) => [i, v]))`.
 *
 * @throws {TypeError} at once when `promises` is not iterable.
 *
 * @example
 * ```ts
 * import { asCompleted } from '@interleave/toolkit';
 *
 * const after = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));
 * const order: string[] = [];
 * for await (const name of asCompleted([after(30, 'slow'), after(10, 'fast'), after(20, 'medium')])) {
 *   order.push(name);
 * }
 * console.log(order); // ['fast', 'medium', 'slow']
 * ```
 */
export function asCompleted<T>(
  promises: Iterable<T | PromiseLike<T>>,
  options: AsCompletedOptions = {},
): AsyncGenerator<Awaited<T>, void, undefined> {
  const { signal } = options;
  if (promises == null || typeof (promises as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`asCompleted: promises must be an iterable, got ${promises === null ? 'null' : typeof promises}`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`asCompleted: options.signal must be an AbortSignal, got ${String(signal)}`);
  }
  // Subscribe to every input now, so no rejection goes unhandled while we wait.
  const settled: Outcome<Awaited<T>>[] = [];
  let wake: (() => void) | undefined;
  let total = 0;
  for (const p of promises) {
    total++;
    Promise.resolve(p).then(
      (value) => {
        settled.push({ ok: true, value });
        wake?.();
      },
      (error: unknown) => {
        settled.push({ ok: false, error });
        wake?.();
      },
    );
  }
  return drain(settled, total, signal, (w) => (wake = w));
}

async function* drain<T>(
  settled: Outcome<T>[],
  total: number,
  signal: AbortSignal | undefined,
  setWake: (wake: (() => void) | undefined) => void,
): AsyncGenerator<T, void, undefined> {
  let taken = 0;
  while (taken < total) {
    signal?.throwIfAborted();
    if (taken === settled.length) {
      // Wait for the next settlement or an abort, whichever comes first; then clean up both.
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          setWake(undefined);
          reject(signal!.reason);
        };
        setWake(() => {
          setWake(undefined);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    const outcome = settled[taken]!;
    settled[taken++] = undefined as never; // let yielded values be collected
    if (!outcome.ok) throw outcome.error;
    yield outcome.value;
  }
}
