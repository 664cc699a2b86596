/**
 * `retry(fn, options)`: call `fn` again after a failure, waiting longer each time
 * (exponential backoff with jitter), and give up after `maxAttempts`.
 *
 * @module
 */
import { checkCount, checkFunction, checkMs, checkSignal, describe } from '../internal/check.ts';

/** Options of {@link retry}. */
export interface RetryOptions {
  /** Calls in total, the first included. An integer ≥ 1, or `Infinity`. Default 5. */
  readonly maxAttempts?: number;
  /** Delay before the second attempt, before jitter: 0 … 2³¹−1 ms. Default 100 ms. */
  readonly minDelayMs?: number;
  /** The delay never exceeds this: `minDelayMs` … 2³¹−1 ms. Default 10 000 ms. */
  readonly maxDelayMs?: number;
  /** Each delay is `factor` times the previous one, before jitter. Default 2. */
  readonly factor?: number;
  /**
   * How much of each delay is random, from 0 (none: exactly the backoff) to 1 ("full
   * jitter": anywhere between 0 and the backoff). Jitter spreads out clients that failed
   * together, so they do not all retry at the same instant. Default 1.
   */
  readonly jitter?: number;
  /**
   * Decides whether an error is worth another attempt; return false to give up at once
   * (with that error). Default: retry every error.
   */
  readonly shouldRetry?: (error: unknown, attempt: number) => boolean;
  /** Random numbers in [0, 1) for the jitter; pass a fixed one for repeatable delays. Default `Math.random`. */
  readonly random?: () => number;
  /**
   * Handed to `fn`; aborting it during a delay cancels the delay (its timer is cleared)
   * and `retry` rejects with `signal.reason`; it is checked again after each failure.
   * Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * The delay before attempt `attempt + 1`, after `attempt` failures: `minDelayMs × factor^(attempt−1)`,
 * capped at `maxDelayMs`, with its top `jitter` share made random.
 *
 * @example
 * ```ts
 * import { backoffDelay } from '@interleave/toolkit';
 * const opts = { minDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0, random: Math.random };
 * console.log([1, 2, 3, 4, 5].map((a) => backoffDelay(a, opts))); // [100, 200, 400, 800, 1000]
 * ```
 */
export function backoffDelay(
  attempt: number,
  options: { minDelayMs: number; maxDelayMs: number; factor: number; jitter: number; random: () => number },
): number {
  const { minDelayMs, maxDelayMs, factor, jitter, random } = options;
  const base = Math.min(maxDelayMs, minDelayMs * factor ** (attempt - 1));
  return base * (1 - jitter * random());
}

function checkNumber(name: string, value: unknown, ok: (n: number) => boolean, want: string): number {
  if (typeof value !== 'number') throw new TypeError(`retry: ${name} must be ${want}, got ${describe(value)}`);
  if (Number.isNaN(value) || !ok(value)) throw new RangeError(`retry: ${name} must be ${want}, got ${value}`);
  return value;
}

/**
 * Calls `fn(attempt, signal)` (attempt counts from 1) until it fulfils, and returns its
 * value. After a failure it waits {@link backoffDelay} and tries again; after
 * `maxAttempts` failures — or when `shouldRetry` says no — it rejects with the last error
 * itself (not a wrapper), so callers see what really went wrong.
 *
 * Never throws synchronously: bad options make the returned promise reject.
 *
 * @example
 * ```ts
 * import { retry } from '@interleave/toolkit';
 *
 * let calls = 0;
 * const flaky = async (attempt: number) => {
 *   calls++;
 *   if (attempt < 3) throw new Error(`attempt ${attempt} failed`);
 *   return 'ok';
 * };
 * console.log(await retry(flaky, { minDelayMs: 1 }), calls); // ok 3
 *
 * const last = await retry(async (attempt) => { throw new Error(`#${attempt}`); }, { maxAttempts: 2, minDelayMs: 1 })
 *   .catch((e: Error) => e.message);
 * console.log(last); // #2
 * ```
 */
export async function retry<T>(fn: (attempt: number, signal: AbortSignal) => T | PromiseLike<T>, options: RetryOptions = {}): Promise<Awaited<T>> {
  const {
    maxAttempts = 5,
    minDelayMs = 100,
    maxDelayMs = 10_000,
    factor = 2,
    jitter = 1,
    shouldRetry = () => true,
    random = Math.random,
    signal,
  } = options;
  checkFunction('retry', 'fn', fn);
  checkCount('retry', 'options.maxAttempts', maxAttempts, { min: 1, infinity: true });
  // Each delay on its own first (so a bad one is blamed by name), then the pair.
  checkMs('retry', 'options.minDelayMs', minDelayMs);
  checkMs('retry', 'options.maxDelayMs', maxDelayMs);
  if (minDelayMs > maxDelayMs) {
    const which = options.maxDelayMs === undefined ? `the default options.maxDelayMs (${maxDelayMs})` : `options.maxDelayMs (${maxDelayMs})`;
    throw new RangeError(`retry: options.minDelayMs (${minDelayMs}) must not exceed ${which}`);
  }
  checkNumber('options.factor', factor, (n) => n >= 1 && Number.isFinite(n), 'a finite number ≥ 1');
  checkNumber('options.jitter', jitter, (n) => n >= 0 && n <= 1, 'a number from 0 to 1');
  checkFunction('retry', 'options.shouldRetry', shouldRetry);
  checkFunction('retry', 'options.random', random);
  checkSignal('retry', 'options.signal', signal);
  // fn always gets a signal; without a caller's, one that never aborts.
  const fnSignal = signal ?? new AbortController().signal;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt, fnSignal);
    } catch (error) {
      // An abort ends the retrying: the caller asked to stop, so report why.
      signal?.throwIfAborted();
      if (attempt >= maxAttempts || !shouldRetry(error, attempt)) throw error;
      await delay(backoffDelay(attempt, { minDelayMs, maxDelayMs, factor, jitter, random }), signal);
    }
  }
}

/** An abortable timer that leaves nothing behind: on abort the timer is cleared, on expiry the listener removed. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
