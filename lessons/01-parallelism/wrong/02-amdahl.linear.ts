// Wrong: "n cores, n times faster". Ignores the serial part, so it promises 1000x on
// 1000 cores for a job that is 5% serial (the truth is under 20x).
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  if (!(serialFraction >= 0 && serialFraction <= 1)) throw new RangeError(`serialFraction must be in [0, 1], received ${serialFraction}`);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1, received ${workers}`);
  return workers;
}

export function serialFractionFromSpeedup(speedup: number, workers: number): number {
  if (!Number.isFinite(speedup) || speedup <= 0) throw new RangeError(`speedup must be > 0, received ${speedup}`);
  if (!Number.isInteger(workers) || workers < 2) throw new RangeError(`workers must be an integer ≥ 2, received ${workers}`);
  return 1 - speedup / workers;
}
