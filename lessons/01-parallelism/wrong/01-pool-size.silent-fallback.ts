// Wrong: turns a bad value (0, -1, NaN) into "all cores" without a word. The caller's
// bug — often a division that produced 0 or NaN — goes unnoticed.
import os from 'node:os';

export function poolSize(requested?: number): number {
  const cores = os.availableParallelism();
  if (requested === undefined || !Number.isInteger(requested) || requested < 1) return cores;
  return Math.min(requested, cores);
}
