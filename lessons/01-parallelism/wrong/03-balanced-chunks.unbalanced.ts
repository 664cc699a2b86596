// Wrong: every chunk gets floor(length / parts) and the LAST one also takes the whole
// remainder. splitRange(10, 4) gives sizes 2 2 2 4: the last worker does twice the work
// of the others, and the job takes as long as that straggler.
export interface Range {
  start: number;
  end: number;
}

export function splitRange(length: number, parts: number): Range[] {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`splitRange: length must be an integer ≥ 0, received ${length}`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`splitRange: parts must be an integer ≥ 1, received ${parts}`);
  const count = Math.min(parts, length);
  const size = Math.floor(length / count);
  const ranges: Range[] = [];
  for (let i = 0; i < count; i++) {
    ranges.push({ start: i * size, end: i === count - 1 ? length : (i + 1) * size });
  }
  return ranges;
}
