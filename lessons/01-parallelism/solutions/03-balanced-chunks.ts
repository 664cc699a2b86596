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
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`splitRange: length must be an integer ≥ 0, received ${String(length)}`);
  }
  if (typeof parts !== 'number' || !Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`splitRange: parts must be an integer ≥ 1, received ${String(parts)}`);
  }
  // A parallel job ends when its LAST worker ends, so the biggest chunk sets the time.
  // Spreading the remainder one by one keeps the biggest chunk as small as it can be:
  // ceil(length / parts). Dumping the remainder on one chunk (or rounding the size up
  // and leaving the last chunk short) makes one worker the straggler everyone waits for.
  const count = Math.min(parts, length);
  const base = Math.floor(length / parts);
  const extra = length % parts;
  const ranges: Range[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < extra ? 1 : 0);
    ranges.push({ start, end: start + size });
    start += size;
  }
  return ranges;
}
