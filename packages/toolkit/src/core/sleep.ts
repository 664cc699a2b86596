/**
 * `sleep(ms, { signal })`: an abortable delay.
 *
 * @module
 */
import { checkMs, readSignal } from '../internal/check.ts';

/** Options of {@link sleep}. */
export interface SleepOptions {
  /**
   * Aborting it clears the timer and rejects with `signal.reason` at once; an already
   * aborted signal rejects without starting a timer. Default: none.
   */
  readonly signal?: AbortSignal;
}

/** The longest delay `setTimeout` honours (2³¹−1 ms, about 24.8 days). */

/**
 * Resolves after `ms` milliseconds. Aborting the signal rejects with `signal.reason` and
 * leaves nothing behind: the timer is cleared and, either way, the abort listener removed.
 * Bad input rejects (it never throws): a `TypeError` or `RangeError` naming `ms`.
 *
 * @param ms a finite number of milliseconds, 0 … 2³¹−1.
 *
 * @example
 * ```ts
 * import { sleep } from '@interleave/toolkit';
 *
 * await sleep(10);
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(new Error('enough')), 5);
 * await sleep(60_000, { signal: controller.signal }).catch((e: Error) => console.log(e.message)); // 'enough'
 * ```
 */
export function sleep(ms: number, options?: SleepOptions): Promise<void> {
  let signal: AbortSignal | undefined;
  try {
    checkMs('sleep()', 'ms', ms);
    signal = readSignal(options, 'sleep()');
  } catch (error) {
    return Promise.reject(error);
  }
  if (signal === undefined) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.reject(signal.reason);
  const abortable = signal;
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortable.reason);
    };
    const timer = setTimeout(() => {
      abortable.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    abortable.addEventListener('abort', onAbort, { once: true });
  });
}
