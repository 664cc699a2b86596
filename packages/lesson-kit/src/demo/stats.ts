// Summaries of repeated measurements. Demos run each way several times, interleaved, and
// quote the median: one slow run on a busy machine moves it less than it moves a mean.

function checked(values: readonly number[], who: string): number[] {
  if (values.length === 0) throw new RangeError(`${who}: values must not be empty`);
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`${who}: every value must be a finite number, got ${v}`);
  return [...values].sort((a, b) => a - b);
}

/**
 * The `q`-quantile (0 ≤ q ≤ 1) by linear interpolation between the two nearest ranks:
 * `quantile(xs, 0)` is the minimum, `0.5` the median, `1` the maximum.
 *
 * @example
 * ```ts
 * import { quantile } from '@interleave/lesson-kit/demo';
 *
 * quantile([10, 20, 30, 40, 50], 0.25); // 20
 * ```
 */
export function quantile(values: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be between 0 and 1, got ${q}`);
  const sorted = checked(values, 'quantile');
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Several quantiles at once, e.g. `quantiles(xs, [0.5, 0.9, 0.99])`. */
export function quantiles(values: readonly number[], qs: readonly number[]): number[] {
  return qs.map((q) => quantile(values, q));
}

/**
 * The median: the middle value, or the mean of the two middle ones.
 *
 * @example
 * ```ts
 * import { median } from '@interleave/lesson-kit/demo';
 *
 * median([41.2, 40.8, 43.0]); // 41.2
 * median([1, 2, 3, 4]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = checked(values, 'median');
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
