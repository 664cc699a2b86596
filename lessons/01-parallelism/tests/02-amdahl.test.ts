import { describe, expect, test } from 'vitest';
import { amdahlSpeedup, serialFractionFromSpeedup } from '#impl/02-amdahl';

describe('amdahlSpeedup()', () => {
  test('a job with no serial part speeds up n times on n cores', () => {
    expect(amdahlSpeedup(0, 1)).toBe(1);
    expect(amdahlSpeedup(0, 2)).toBe(2);
    expect(amdahlSpeedup(0, 8)).toBe(8);
  });

  test('a fully serial job does not speed up at all', () => {
    expect(amdahlSpeedup(1, 2)).toBe(1);
    expect(amdahlSpeedup(1, 64)).toBe(1);
  });

  test('10% serial on 2 cores gives 1 / (0.1 + 0.9 / 2) ≈ 1.818x, not 2x', () => {
    expect(amdahlSpeedup(0.1, 2)).toBeCloseTo(1 / 0.55, 10);
  });

  test('the speedup never passes 1 / serialFraction, however many cores', () => {
    expect(amdahlSpeedup(0.05, 1000)).toBeLessThan(20);
    expect(amdahlSpeedup(0.05, 1_000_000)).toBeCloseTo(20, 2);
  });

  test('one core is always speedup 1', () => {
    expect(amdahlSpeedup(0.3, 1)).toBeCloseTo(1, 12);
  });

  test.each([
    ['serialFraction', -0.1, 2],
    ['serialFraction', 1.5, 2],
    ['serialFraction', Number.NaN, 2],
    ['workers', 0.5, 0],
    ['workers', 0.5, 2.5],
  ])('rejects a bad %s with a RangeError naming it', (name, s, n) => {
    expect(() => amdahlSpeedup(s, n)).toThrow(RangeError);
    expect(() => amdahlSpeedup(s, n)).toThrow(name);
  });
});

describe('serialFractionFromSpeedup()', () => {
  test('a perfect 2x on 2 cores means no serial part', () => {
    expect(serialFractionFromSpeedup(2, 2)).toBeCloseTo(0, 12);
  });

  test('no speedup at all means everything is serial', () => {
    expect(serialFractionFromSpeedup(1, 2)).toBeCloseTo(1, 12);
    expect(serialFractionFromSpeedup(1, 16)).toBeCloseTo(1, 12);
  });

  test('1.6x measured on 2 cores means 25% serial', () => {
    expect(serialFractionFromSpeedup(1.6, 2)).toBeCloseTo(0.25, 12);
  });

  test('undoes amdahlSpeedup()', () => {
    for (const s of [0, 0.01, 0.2, 0.5, 0.9]) {
      for (const n of [2, 3, 8, 100]) {
        expect(serialFractionFromSpeedup(amdahlSpeedup(s, n), n), `s = ${s}, n = ${n}`).toBeCloseTo(s, 9);
      }
    }
  });

  test.each([
    ['speedup', 0, 2],
    ['speedup', -1, 2],
    ['speedup', Number.POSITIVE_INFINITY, 2],
    ['workers', 1.5, 1],
  ])('rejects a bad %s with a RangeError naming it', (name, speedup, n) => {
    expect(() => serialFractionFromSpeedup(speedup, n)).toThrow(RangeError);
    expect(() => serialFractionFromSpeedup(speedup, n)).toThrow(name);
  });
});
