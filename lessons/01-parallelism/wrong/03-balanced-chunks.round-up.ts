// Wrong: rounds the chunk size up, so the first chunks are full and the last is short —
// or missing. splitRange(10, 4) gives 3 3 3 1; splitRange(9, 4) gives only 3 chunks of 3
// and one of the 4 workers gets nothing.
export interface Range {
  start: number;
  end: number;
}

export function splitRange(length: number, parts: number): Range[] {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`splitRange: length must be an integer ≥ 0, received ${length}`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`splitRange: parts must be an integer ≥ 1, received ${parts}`);
  const size = Math.ceil(length / parts);
  const ranges: Range[] = [];
  for (let start = 0; start < length; start += size) ranges.push({ start, end: Math.min(start + size, length) });
  return ranges;
}
