/**
 * `pooledMap(items, fn, { concurrency, signal })`: map over an iterable with bounded
 * concurrency, and get the results back, in input order, as an async iterable.
 *
 * @module
 */
import { AsyncResource } from 'node:async_hooks';
import { checkCount, checkFunction, checkSignal, describe } from '../internal/check.ts';

/** Options of {@link pooledMap}. */
export interface PooledMapOptions {
  /**
   * At most this many items are in progress or finished-but-not-yet-yielded at once, so
   * memory stays bounded even when the consumer is slow. An integer ≥ 1, or `Infinity`.
   * Default 8.
   */
  readonly concurrency?: number;
  /**
   * Aborting it aborts the signal of every call in progress, and the iteration rejects with
   * `signal.reason` once they have settled. Default: none.
   */
  readonly signal?: AbortSignal;
}

type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/**
 * Calls `fn(item, signal)` for each item, at most `concurrency` at a time, and yields the
 * results in the order of the items.
 *
 * - The first failure (a rejection or a synchronous throw of `fn`, or an error from the
 *   input iterator) aborts the signal handed to every call still in progress; once those
 *   have settled, the iteration rejects with that first error itself.
 * - Leaving a `for await` loop early (`break`, `return`, a throw) aborts the calls in
 *   progress and waits for them to settle, so no call outlives the loop; the input
 *   iterator is closed too.
 * - Work starts on the first `next()`; nothing runs before someone iterates.
 *
 * @throws {TypeError} at once for a bad `items`, `fn` or `options`.
 *
 * @example
 * ```ts
 * import { pooledMap } from '@interleave/toolkit';
 *
 * const lengths: number[] = [];
 * for await (const n of pooledMap(['a', 'bb', 'ccc'], async (s, signal) => {
 *   signal.throwIfAborted();
 *   await new Promise((r) => setTimeout(r, 10 - s.length));
 *   return s.length;
 * }, { concurrency: 2 })) {
 *   lengths.push(n);
 * }
 * console.log(lengths); // [1, 2, 3] — input order, whatever finished first
 * ```
 */
export function pooledMap<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, signal: AbortSignal) => R | PromiseLike<R>,
  options: PooledMapOptions = {},
): AsyncGenerator<Awaited<R>, void, undefined> {
  const { concurrency = 8, signal } = options;
  const iterable = items as Partial<Iterable<T> & AsyncIterable<T>> | null | undefined;
  // A string is iterable too (by character), as for `for…of` and `Array.from`.
  if (iterable == null || (typeof iterable[Symbol.asyncIterator] !== 'function' && typeof iterable[Symbol.iterator] !== 'function')) {
    throw new TypeError(`pooledMap: items must be an iterable or async iterable, got ${describe(iterable)}`);
  }
  checkFunction('pooledMap', 'fn', fn);
  checkCount('pooledMap', 'options.concurrency', concurrency, { min: 1, infinity: true });
  checkSignal('pooledMap', 'options.signal', signal);
  // fn runs in the async context of this call (its AsyncLocalStorage stores), not in the
  // context of whoever pulls the next result.
  const scope = new AsyncResource('pooledMap');
  return run(iterable as Iterable<T> | AsyncIterable<T>, fn, concurrency, signal, scope);
}

async function* run<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, signal: AbortSignal) => R | PromiseLike<R>,
  concurrency: number,
  parent: AbortSignal | undefined,
  scope: AsyncResource,
): AsyncGenerator<Awaited<R>, void, undefined> {
  parent?.throwIfAborted();
  const asyncIterable = items as Partial<AsyncIterable<T>>;
  const iterator: Iterator<T> | AsyncIterator<T> =
    typeof asyncIterable[Symbol.asyncIterator] === 'function' ? (items as AsyncIterable<T>)[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]();
  const controller = new AbortController();
  // The first failure in time (not in input order) is the one the iteration reports.
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown, reason: unknown): void => {
    if (failure !== undefined) return;
    failure = { error };
    controller.abort(reason);
  };
  const failed = (): { error: unknown } | undefined => failure;
  const onParentAbort = (): void => fail(parent!.reason, parent!.reason);
  parent?.addEventListener('abort', onParentAbort, { once: true });

  // Started, not yet yielded — a FIFO window of at most `concurrency` outcomes. The
  // window is small and bounded, but we still take from the front by index, not shift().
  const window: Promise<Outcome<Awaited<R>>>[] = [];
  let front = 0;
  let index = 0;
  let inputDone = false;

  const start = (item: T): void => {
    const i = index++;
    let result: R | PromiseLike<R>;
    try {
      result = scope.runInAsyncScope(fn, undefined, item, controller.signal);
    } catch (error) {
      fail(error, abortReason(i));
      window.push(Promise.resolve({ ok: false, error }));
      return;
    }
    window.push(
      Promise.resolve(result).then(
        (value): Outcome<Awaited<R>> => ({ ok: true, value }),
        (error: unknown): Outcome<Awaited<R>> => {
          fail(error, abortReason(i));
          return { ok: false, error };
        },
      ),
    );
  };

  // Pull items until the window is full or the input ends.
  const refill = async (): Promise<void> => {
    while (!inputDone && failure === undefined && window.length - front < concurrency) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        inputDone = true;
        fail(error, new DOMException('pooledMap: the input iterator threw', 'AbortError'));
        return;
      }
      if (next.done) {
        inputDone = true;
        return;
      }
      if (failure !== undefined) return;
      start(next.value);
    }
  };

  let finished = false;
  try {
    await refill();
    while (front < window.length) {
      const outcome = await window[front]!;
      window[front++] = undefined as never; // let the settled promise be collected
      if (front > 1024 && front * 2 > window.length) {
        window.splice(0, front);
        front = 0;
      }
      if (failure !== undefined) throw failure.error;
      if (!outcome.ok) throw outcome.error; // unreachable: a failure sets `failure` first
      // Start the next item before handing this result over, so work overlaps the consumer.
      await refill();
      // (read through a function: TypeScript cannot see that refill() may have set it)
      const late = failed();
      if (late !== undefined) throw late.error;
      yield outcome.value;
    }
    // An abort (or input error) that came while the window was empty left nothing to await.
    const last = failed();
    if (last !== undefined) throw last.error;
    finished = true;
  } finally {
    parent?.removeEventListener('abort', onParentAbort);
    if (!finished && failure === undefined) {
      controller.abort(new DOMException('pooledMap: the consumer stopped iterating', 'AbortError'));
    }
    // No call outlives the iteration: wait for everything still in the window.
    await Promise.all(window.slice(front));
    if (!inputDone) {
      inputDone = true;
      await iterator.return?.();
    }
  }
}

function abortReason(index: number): DOMException {
  return new DOMException(`pooledMap: aborted because the call for item ${index} failed`, 'AbortError');
}
