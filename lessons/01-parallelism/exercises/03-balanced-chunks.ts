/** A half-open range of indices: `start` included, `end` excluded. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Splits the indices `[0, length)` into `parts` contiguous ranges, in order, whose sizes
 * differ by at most one — so no worker gets noticeably more than another.
 *
 * - every index appears in exactly one range; ranges are in ascending order;
 * - no empty range: when `length < parts` there are only `length` ranges (and none
 *   when `length` is 0);
 * - `length` an integer ≥ 0 and `parts` an integer ≥ 1, otherwise a `RangeError` naming
 *   the parameter and the value.
 *
 * Example: splitRange(10, 4) → [0,3) [3,6) [6,8) [8,10)   (sizes 3 3 2 2)
 */
export function splitRange(length: number, parts: number): Range[] {
  // TODO: base size is Math.floor(length / parts); the first `length % parts` ranges get
  // one extra index.
  throw new Error('Not implemented: splitRange');
}
