// A wait with a limit that says what it waited for: the test fails with that sentence,
// never with vitest's bare "Test timed out".

export interface UntilOptions {
  /** Give up after this many ms. */
  timeoutMs: number;
  /** What was awaited, said when it did not happen: "the worker to raise the flag". */
  message: string;
  /** How often to look, in ms. Default 2. */
  intervalMs?: number;
  /** Stops waiting early (rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * Resolves once `condition()` returns true (it is polled, without blocking the event
 * loop); rejects with `"<message> (waited <timeoutMs> ms)"` when the time is up.
 *
 * @example
 * ```ts
 * import { until } from '@interleave/lesson-kit/testing';
 *
 * const flags = new Int32Array(new SharedArrayBuffer(4));
 * setTimeout(() => Atomics.store(flags, 0, 1), 10);
 * await until(() => Atomics.load(flags, 0) === 1, { timeoutMs: 2000, message: 'the flag was never raised' });
 * ```
 */
export async function until(condition: () => boolean, options: UntilOptions): Promise<void> {
  const { timeoutMs, message, intervalMs = 2, signal } = options;
  if (!(timeoutMs >= 0)) throw new RangeError(`until: timeoutMs must be a number ≥ 0, got ${timeoutMs}`);
  if (!message) throw new TypeError('until: say what is awaited in options.message');
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    signal?.throwIfAborted();
    if (performance.now() > deadline) throw new Error(`${message} (waited ${timeoutMs} ms)`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
