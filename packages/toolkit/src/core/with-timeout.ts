/**
 * `withTimeout(fn, ms, { signal })`: give work a deadline that reaches into the work.
 *
 * @module
 */
import { checkFunction, checkMs, readSignal } from '../internal/check.ts';

/** Options of {@link withTimeout}. */
export interface WithTimeoutOptions {
  /**
   * An outer signal: aborting it aborts the signal `fn` got (with the same reason) and
   * rejects with `signal.reason`. Default: none.
   */
  readonly signal?: AbortSignal;
}


/**
 * Calls `fn(signal)` and settles as its promise does — unless `ms` milliseconds pass
 * first: then it aborts the signal it handed to `fn` with a `DOMException` named
 * `TimeoutError` and rejects with that same exception at once (it does not wait for `fn`
 * to notice). The timer and the listener on the outer signal are removed whichever way it
 * ends. Bad input rejects (never throws): a `TypeError`/`RangeError` naming the parameter.
 *
 * If `fn` still produces a value after withTimeout gave up (work that ignored its signal,
 * or a lock handed over in the very tick of the timeout), nobody can receive it: a
 * disposable value (`Symbol.asyncDispose` or `Symbol.dispose`, as a `Permit` is) is
 * disposed at once, so a lock acquired too late is released rather than held forever.
 *
 * @param fn the work; it should pass `signal` on to what it awaits (fetch, sleep, …).
 * @param ms the deadline, a finite number of milliseconds, 0 … 2³¹−1 (what `setTimeout`
 *   honours; beyond it Node would fire after 1 ms). For no deadline, do not use withTimeout.
 *
 * @example
 * ```ts
 * import { sleep, withTimeout } from '@interleave/toolkit';
 *
 * const fast = await withTimeout((signal) => sleep(5, { signal }).then(() => 'done'), 1_000);
 * console.log(fast); // 'done'
 * try {
 *   await withTimeout((signal) => sleep(60_000, { signal }), 10);
 * } catch (error) {
 *   console.log((error as DOMException).name); // 'TimeoutError'
 * }
 * ```
 */
export function withTimeout<T>(
  fn: (signal: AbortSignal) => T | PromiseLike<T>,
  ms: number,
  options?: WithTimeoutOptions,
): Promise<Awaited<T>> {
  let outer: AbortSignal | undefined;
  try {
    checkFunction('withTimeout()', 'fn', fn);
    checkMs('withTimeout()', 'ms', ms);
    outer = readSignal(options, 'withTimeout()');
  } catch (error) {
    return Promise.reject(error);
  }
  if (outer?.aborted) return Promise.reject(outer.reason);
  const controller = new AbortController();
  return new Promise<Awaited<T>>((resolve, reject) => {
    let done = false;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      return true;
    };
    const stop = (reason: unknown): void => {
      if (!finish()) return;
      controller.abort(reason);
      reject(reason);
    };
    const onAbort = (): void => stop(outer!.reason);
    const timer = setTimeout(() => stop(new DOMException(`withTimeout(): timed out after ${ms} ms`, 'TimeoutError')), ms);
    outer?.addEventListener('abort', onAbort, { once: true });
    let result: T | PromiseLike<T>;
    try {
      result = fn(controller.signal);
    } catch (error) {
      if (finish()) reject(error);
      return;
    }
    Promise.resolve(result).then(
      (value) => {
        if (finish()) resolve(value);
        else disposeLate(value);
      },
      (error: unknown) => {
        if (finish()) reject(error);
      },
    );
  });
}

/**
 * A value `fn` produced after withTimeout had already given up has no one to receive it;
 * if it is a resource (a lock's `Permit`, a connection, anything disposable), it is
 * disposed here so it does not leak — `Symbol.asyncDispose` first, else `Symbol.dispose`.
 * An error from disposing is reported as an unhandled rejection, as a `using` block with
 * nobody to catch it would report it.
 */
function disposeLate(value: unknown): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
  const resource = value as Partial<AsyncDisposable & Disposable>;
  const asyncDispose = resource[Symbol.asyncDispose];
  const dispose = resource[Symbol.dispose];
  if (typeof asyncDispose === 'function') {
    void (async () => asyncDispose.call(value))();
  } else if (typeof dispose === 'function') {
    void (async () => dispose.call(value))();
  }
}
