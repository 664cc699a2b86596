import { describe, expect, test } from 'vitest';
import { chooseChunkSize } from '#impl/04-chunk-size';

describe('chooseChunkSize()', () => {
  test('gives each worker 4 chunks by default: 1000 items on 2 workers → 125', () => {
    expect(chooseChunkSize(1000, 2)).toBe(125);
  });

  test('rounds up, so there are never more chunks than aimed for', () => {
    expect(chooseChunkSize(1001, 2)).toBe(126);
    expect(Math.ceil(1001 / chooseChunkSize(1001, 2))).toBeLessThanOrEqual(8);
  });

  test('follows chunksPerWorker', () => {
    expect(chooseChunkSize(1000, 2, { chunksPerWorker: 1 })).toBe(500);
    expect(chooseChunkSize(1000, 4, { chunksPerWorker: 10 })).toBe(25);
  });

  test('never goes below minChunk, where a message would cost more than the work', () => {
    expect(chooseChunkSize(1000, 2, { minChunk: 300 })).toBe(300);
    expect(chooseChunkSize(1_000_000, 8, { minChunk: 1 })).toBe(31_250);
  });

  test('never goes above the number of items', () => {
    expect(chooseChunkSize(10, 2, { minChunk: 50 })).toBe(10);
    expect(chooseChunkSize(3, 64)).toBe(1);
  });

  test('nothing to do gives 0', () => {
    expect(chooseChunkSize(0, 4)).toBe(0);
  });

  test('always leaves every worker something to do when there are enough items', () => {
    for (const workers of [1, 2, 3, 8]) {
      for (const items of [workers, 10, 99, 1000, 12_345]) {
        if (items < workers) continue;
        const size = chooseChunkSize(items, workers);
        expect(Math.ceil(items / size), `${items} items on ${workers} workers, chunks of ${size}`).toBeGreaterThanOrEqual(workers);
      }
    }
  });

  test.each([
    ['items', () => chooseChunkSize(-1, 2)],
    ['items', () => chooseChunkSize(2.5, 2)],
    ['workers', () => chooseChunkSize(10, 0)],
    ['chunksPerWorker', () => chooseChunkSize(10, 2, { chunksPerWorker: 0 })],
    ['minChunk', () => chooseChunkSize(10, 2, { minChunk: 0.5 })],
  ])('rejects a bad %s with a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
