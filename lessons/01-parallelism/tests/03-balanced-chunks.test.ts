import { describe, expect, test } from 'vitest';
import { splitRange, type Range } from '#impl/03-balanced-chunks';

function sizes(ranges: Range[]): number[] {
  return ranges.map((r) => r.end - r.start);
}

/** Every property a balanced split must have, checked with messages a learner can act on. */
function expectBalancedSplit(length: number, parts: number): void {
  const ranges = splitRange(length, parts);
  const where = `splitRange(${length}, ${parts}) = ${JSON.stringify(ranges.map((r) => [r.start, r.end]))}`;
  expect(ranges.length, `${where}: expected ${Math.min(length, parts)} ranges`).toBe(Math.min(length, parts));
  let next = 0;
  for (const r of ranges) {
    expect(r.start, `${where}: ranges must be contiguous and in order`).toBe(next);
    expect(r.end, `${where}: no empty ranges`).toBeGreaterThan(r.start);
    next = r.end;
  }
  expect(next, `${where}: must cover exactly [0, ${length})`).toBe(length);
  if (ranges.length > 0) {
    const s = sizes(ranges);
    expect(Math.max(...s) - Math.min(...s), `${where}: sizes ${s.join(' ')} differ by more than 1 — one worker is a straggler`).toBeLessThanOrEqual(1);
  }
}

describe('splitRange()', () => {
  test('splits 10 into 4 as 3 3 2 2', () => {
    expect(splitRange(10, 4)).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 8 },
      { start: 8, end: 10 },
    ]);
  });

  test('splits evenly when it divides', () => {
    expect(sizes(splitRange(12, 3))).toEqual([4, 4, 4]);
  });

  test('one part is the whole range', () => {
    expect(splitRange(7, 1)).toEqual([{ start: 0, end: 7 }]);
  });

  test('never makes empty ranges: 3 items over 8 parts are 3 ranges of 1', () => {
    expect(splitRange(3, 8)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  test('nothing to split gives no ranges', () => {
    expect(splitRange(0, 4)).toEqual([]);
  });

  test('every split from 0..40 items over 1..9 parts is complete, ordered and balanced', () => {
    for (let length = 0; length <= 40; length++) {
      for (let parts = 1; parts <= 9; parts++) expectBalancedSplit(length, parts);
    }
  });

  test('a big split keeps the largest chunk at ceil(length / parts)', () => {
    const ranges = splitRange(1_000_003, 7);
    expect(Math.max(...sizes(ranges))).toBe(Math.ceil(1_000_003 / 7));
  });

  test.each([
    ['length', -1, 2],
    ['length', 2.5, 2],
    ['length', Number.NaN, 2],
    ['parts', 10, 0],
    ['parts', 10, 1.5],
  ])('rejects a bad %s with a RangeError naming it', (name, length, parts) => {
    expect(() => splitRange(length, parts)).toThrow(RangeError);
    expect(() => splitRange(length, parts)).toThrow(name);
  });
});
