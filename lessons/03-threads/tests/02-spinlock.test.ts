import { describe, expect, test } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { SpinLock } from '#impl/02-spinlock';
import { countAtomics } from './support/count-atomics.ts';
import { expectMutualExclusion, expectWaitsForHolder } from './support/lock-scenarios.ts';

const IMPL = implFile(new URL('../', import.meta.url), '02-spinlock');

describe('SpinLock', () => {
  test('tryLock() takes a free lock once, and fails while it is held', () => {
    const cells = new Int32Array(new SharedArrayBuffer(2 * 4));
    const lock = new SpinLock(cells, 1);
    expect(lock.tryLock()).toBe(true);
    expect(cells[1], 'the lock word is 1 while held').toBe(1);
    expect(lock.tryLock(), 'a held lock cannot be taken again').toBe(false);
    lock.unlock();
    expect(cells[1], 'the lock word is 0 once free').toBe(0);
    expect(lock.tryLock()).toBe(true);
    expect(cells[0], 'it touches only its own slot').toBe(0);
  });

  test('tryLock() checks and takes the lock in one atomic read-modify-write', () => {
    // Why test the mechanism: a check-then-set lock fails only when two threads hit the
    // same nanoseconds, which a busy machine may never show in a test run (the exclusion
    // test below catches it when the threads do run in parallel).
    const lock = new SpinLock(new Int32Array(new SharedArrayBuffer(4)), 0);
    const { result, calls } = countAtomics(() => lock.tryLock());
    expect(result).toBe(true);
    expect(
      calls.readModifyWrite,
      `tryLock() made ${JSON.stringify(calls.byName)}: a load followed by a store lets two threads both see 0 and both take the lock. ` +
        'Use Atomics.compareExchange(cells, index, 0, 1), which checks and writes in one step.',
    ).toBeGreaterThan(0);
  });

  test('two SpinLocks over the same memory are the same lock', () => {
    const cells = new Int32Array(new SharedArrayBuffer(4));
    const a = new SpinLock(cells, 0);
    const b = new SpinLock(cells, 0);
    a.lock();
    expect(b.tryLock()).toBe(false);
    a.unlock();
    expect(b.tryLock()).toBe(true);
  });

  test('unlock() of a lock that is not held throws', () => {
    const lock = new SpinLock(new Int32Array(new SharedArrayBuffer(4)), 0);
    lock.lock();
    lock.unlock();
    expect(() => lock.unlock(), 'a second unlock() must throw, not pass silently').toThrow(/unlock|not held|twice/i);
  });

  test('lock() in another thread waits while this thread holds the lock, and gets it after unlock()', async () => {
    await expectWaitsForHolder(IMPL, 'SpinLock', (cells) => new SpinLock(cells, 0));
  });

  test('two threads never hold it at once: no overlap, no lost update', async () => {
    await expectMutualExclusion(IMPL, 'SpinLock');
  });
});
