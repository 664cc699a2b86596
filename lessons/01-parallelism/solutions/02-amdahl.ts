/**
 * Amdahl's law: if a fraction `serialFraction` of a job cannot be split, the best
 * speedup on `workers` cores is 1 / (serialFraction + (1 - serialFraction) / workers).
 *
 * `serialFraction` must be a number in [0, 1]; `workers` an integer ≥ 1 — otherwise a
 * `RangeError` that names the parameter and the value received.
 */
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  checkFraction(serialFraction);
  checkWorkers(workers, 1);
  // Time on one core is 1. On n cores the serial part still takes s, the rest (1 - s)
  // is shared by n. Speedup is old time over new time. As n grows the second term
  // vanishes, so the speedup can never pass 1 / s — 20x for a 5% serial part.
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

/**
 * The other way round (the Karp–Flatt metric): given a speedup you MEASURED on
 * `workers` cores, which serial fraction explains it? Solve Amdahl's formula for the
 * serial fraction.
 *
 * `speedup` must be a finite number > 0; `workers` an integer ≥ 2 (with one worker
 * every serial fraction gives speedup 1, so there is nothing to learn) — otherwise a
 * `RangeError` naming the parameter and the value.
 */
export function serialFractionFromSpeedup(speedup: number, workers: number): number {
  if (typeof speedup !== 'number' || !Number.isFinite(speedup) || speedup <= 0) {
    throw new RangeError(`serialFractionFromSpeedup: speedup must be a finite number > 0, received ${String(speedup)}`);
  }
  checkWorkers(workers, 2);
  // 1/S = s + (1 - s)/n  ⇒  1/S - 1/n = s (1 - 1/n)  ⇒  s = (1/S - 1/n) / (1 - 1/n).
  // A measured value can come out below 0 (superlinear: caches) or above 1 (the
  // parallel version is slower: overheads) — that is information, so it is returned as is.
  return (1 / speedup - 1 / workers) / (1 - 1 / workers);
}

function checkFraction(serialFraction: number): void {
  if (typeof serialFraction !== 'number' || !(serialFraction >= 0 && serialFraction <= 1)) {
    throw new RangeError(`amdahlSpeedup: serialFraction must be a number in [0, 1], received ${String(serialFraction)}`);
  }
}

function checkWorkers(workers: number, min: number): void {
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < min) {
    throw new RangeError(`workers must be an integer ≥ ${min}, received ${String(workers)}`);
  }
}
