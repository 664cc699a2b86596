// Wrong: counts os.cpus(), which ignores the affinity mask (taskset, containers) and is
// an empty array on some platforms — a pool of 0 workers never runs anything.
import os from 'node:os';

export function poolSize(requested?: number): number {
  const cores = os.cpus().length;
  if (requested === undefined) return cores;
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`poolSize: requested must be an integer ≥ 1, received ${String(requested)}`);
  }
  return Math.min(requested, cores);
}
