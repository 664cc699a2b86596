function checkPositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`fetchConcurrency: ${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/**
 * Exercise 2 — how many requests in flight? Little's law.
 *
 * A stage that takes `latency` per item and should finish `throughput` items per second
 * needs, on average, `throughput × latency` items in progress at once (Little's law:
 * L = λ × W). `fetchConcurrency(latencyMs, targetPerSecond)` returns that number for the
 * fetch stage, rounded **up** (a fraction of a request still needs a slot), and at least 1.
 *
 * - `latencyMs` is one measured latency in ms, or an array of measured samples: use their
 *   **mean** (Little's law is about the average time in the system).
 * - Mind the units: latency in milliseconds, throughput per second.
 * - Each latency and `targetPerSecond` must be a finite number > 0; otherwise throw a
 *   `RangeError` naming the parameter (`latencyMs[2]`, `targetPerSecond`) and the value.
 *   An empty array is a `RangeError` naming `latencyMs`.
 *
 * @example
 * ```ts
 * fetchConcurrency(80, 200);              // → 16: 200/s × 0.08 s
 * fetchConcurrency([40, 60, 110], 100);   // → 7:  100/s × 0.07 s
 * ```
 */
export function fetchConcurrency(latencyMs: number | readonly number[], targetPerSecond: number): number {
  // TODO: check the inputs; mean latency in seconds × target per second, rounded up, at least 1.
  throw new Error('Not implemented: fetchConcurrency');
}
