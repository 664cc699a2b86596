/**
 * Amdahl's law: if a fraction `serialFraction` of a job cannot be split, the best
 * speedup on `workers` cores is 1 / (serialFraction + (1 - serialFraction) / workers).
 *
 * `serialFraction` must be a number in [0, 1]; `workers` an integer ≥ 1 — otherwise a
 * `RangeError` that names the parameter and the value received.
 */
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  // TODO: check both inputs, then apply the formula.
  throw new Error('Not implemented: amdahlSpeedup');
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
  // TODO: solve speedup = 1 / (s + (1 - s) / workers) for s.
  throw new Error('Not implemented: serialFractionFromSpeedup');
}
