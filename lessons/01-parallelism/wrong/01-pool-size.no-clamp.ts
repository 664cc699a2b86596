// Wrong: trusts `requested` blindly. 64 CPU-bound workers on 2 cores are not faster than
// 2 — they take turns on the 2 cores and each costs a thread, a heap and start-up time.
import os from 'node:os';

export function poolSize(requested?: number): number {
  if (requested === undefined) return os.availableParallelism();
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`poolSize: requested must be an integer ≥ 1, received ${String(requested)}`);
  }
  return requested;
}
