import os from 'node:os';

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
  // availableParallelism(), not cpus().length: it honours the CPU affinity the process
  // was started with (taskset, a cpuset) and is never 0 — cpus() can be empty on some
  // platforms and counts cores this process is not allowed to run on. A CPU quota
  // (`docker --cpus`) is not an affinity: Node 20's libuv (1.46) does not see it.
  const cores = os.availableParallelism();
  if (requested === undefined) return cores;
  // Check first, clamp second: a bad value is the caller's bug and must be loud.
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`poolSize: requested must be an integer ≥ 1 (or undefined for all cores), received ${String(requested)}`);
  }
  return Math.min(requested, cores);
}
