// Wrong: divides the serial part by the workers instead of the parallel part — as if the
// part that cannot be split were the one that gets shared.
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  if (!(serialFraction >= 0 && serialFraction <= 1)) throw new RangeError(`serialFraction must be in [0, 1], received ${serialFraction}`);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer ≥ 1, received ${workers}`);
  return 1 / (serialFraction / workers + (1 - serialFraction));
}

export function serialFractionFromSpeedup(speedup: number, workers: number): number {
  if (!Number.isFinite(speedup) || speedup <= 0) throw new RangeError(`speedup must be > 0, received ${speedup}`);
  if (!Number.isInteger(workers) || workers < 2) throw new RangeError(`workers must be an integer ≥ 2, received ${workers}`);
  return (1 - 1 / speedup) / (1 - 1 / workers);
}
