import { describe, expect, test } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { Mutex } from '#impl/03-futex-mutex';
import { expectMutualExclusion, expectWaitsForHolder } from './support/lock-scenarios.ts';

const IMPL = implFile(new URL('../', import.meta.url), '03-futex-mutex');

describe('Mutex', () => {
  test('lock() and unlock() on a free lock, tryLock() while held', () => {
    const cells = new Int32Array(new SharedArrayBuffer(2 * 4));
    const mutex = new Mutex(cells, 1);
    mutex.lock();
    expect(cells[1], 'the lock word is non-zero while held').not.toBe(0);
    expect(new Mutex(cells, 1).tryLock(), 'a held lock cannot be taken').toBe(false);
    mutex.unlock();
    expect(cells[1], 'the lock word is 0 once free').toBe(0);
    expect(mutex.tryLock()).toBe(true);
    expect(cells[0], 'it touches only its own slot').toBe(0);
  });

  test('a lock released twice throws and changes nothing', () => {
    const cells = new Int32Array(new SharedArrayBuffer(4));
    const mine = new Mutex(cells, 0);
    mine.lock();
    mine.unlock();
    expect(() => mine.unlock(), 'unlock() of a free lock must throw').toThrow(/not held|twice|unlock/i);
    // (Telling *which* thread holds it needs an owner field — the toolkit's AtomicMutex has
    // one. Here the rule is: a failed unlock() changes nothing.)
    expect(cells[0], 'a failed unlock() leaves the word alone').toBe(0);
    expect(new Mutex(cells, 0).tryLock()).toBe(true);
  });

  test('a waiting thread sleeps in Atomics.wait instead of spinning, and unlock() wakes it', async () => {
    const counts = await expectWaitsForHolder(IMPL, 'Mutex', (cells) => new Mutex(cells, 0), { count: true, mustNotify: true });
    expect(counts.waits, 'lock() never called Atomics.wait while the lock was held').toBeGreaterThan(0);
    expect(
      counts.other,
      `while waiting, lock() made ${counts.other} Atomics calls: it spins. Sleep with Atomics.wait(cells, index, 2) until unlock() notifies.`,
    ).toBeLessThan(1000);
  });

  test('two threads never hold it at once: no overlap, no lost update', async () => {
    await expectMutualExclusion(IMPL, 'Mutex');
  });
});
