/**
 * How many workers should a CPU-bound pool start?
 *
 * - `requested` undefined → as many as the cores this process may use:
 *   `os.availableParallelism()`.
 * - `requested` an integer ≥ 1 → that many, but never more than the usable cores:
 *   a CPU-bound worker beyond the core count only waits for a core, it adds no speed.
 * - anything else (0, -1, 1.5, NaN, Infinity, "2") → a `RangeError` whose message names
 *   `requested` and the value received.
 */
export function poolSize(requested?: number): number {
  // TODO: read the usable cores with os.availableParallelism() (import os from 'node:os'),
  // check `requested`, then clamp it.
  throw new Error('Not implemented: poolSize');
}
