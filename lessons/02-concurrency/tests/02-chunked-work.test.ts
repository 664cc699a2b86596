import { describe, expect, test } from 'vitest';
import { forEachChunked } from '#impl/02-chunked-work';
import { FakeLoop } from './support/fake-loop.ts';

const items = Array.from({ length: 10 }, (_, i) => i * 10);

describe('forEachChunked()', () => {
  test('processes every item once, in order, with at most chunkSize between two yields', async () => {
    // The test's own event loop: each yield lets one timer fire (counted, no wall time).
    const loop = new FakeLoop();
    const log: string[] = [];
    const done = forEachChunked(items, (item, index) => log.push(`${index}:${item}`), {
      chunkSize: 3,
      yieldToLoop: () => loop.yieldToLoop(() => log.push('timer')),
    });
    await loop.runUntilSettled(done, 'forEachChunked() did not finish although every yieldToLoop() resolved');
    expect(log.join(' ')).toBe('0:0 1:10 2:20 timer 3:30 4:40 5:50 timer 6:60 7:70 8:80 timer 9:90');
    expect(loop.firings, 'a timer should fire at every yield: 10 items in chunks of 3 need 3 yields').toBe(3);
  });

  test('waits for yieldToLoop() to resolve before the next chunk', async () => {
    const loop = new FakeLoop();
    let processed = 0;
    const done = forEachChunked(items, () => processed++, { chunkSize: 4, yieldToLoop: () => loop.yieldToLoop() });
    await loop.settleMicrotasks();
    expect(processed, 'after the first chunk, no item may be processed until yieldToLoop() resolves — await it').toBe(4);
    await loop.runUntilSettled(done, 'forEachChunked() did not finish although every yieldToLoop() resolved');
    expect(processed).toBe(10);
  });

  test('by default yields to the real event loop: a waiting callback runs between chunks', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('timer'));
    await forEachChunked(items, (_, index) => log.push(String(index)), { chunkSize: 5 });
    expect(
      log.join(' '),
      'the callback queued before the job should run after the first chunk. `await Promise.resolve()` only runs microtasks; ' +
        'yield with a macrotask (setImmediate) so timers and I/O get their turn',
    ).toBe('0 1 2 3 4 timer 5 6 7 8 9');
  });

  test('does not yield for a job of one chunk or none', async () => {
    const loop = new FakeLoop();
    await forEachChunked([1, 2], () => {}, { chunkSize: 2, yieldToLoop: () => loop.yieldToLoop() });
    await forEachChunked([], () => {}, { chunkSize: 2, yieldToLoop: () => loop.yieldToLoop() });
    expect(loop.firings).toBe(0);
  });

  test('rejects a chunkSize that is not an integer >= 1, naming it', async () => {
    await expect(forEachChunked(items, () => {}, { chunkSize: 0 })).rejects.toThrow(RangeError);
    await expect(forEachChunked(items, () => {}, { chunkSize: 1.5 })).rejects.toThrow('chunkSize must be an integer >= 1, got 1.5');
  });
});
