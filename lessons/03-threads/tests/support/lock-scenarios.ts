// Host side of the lock scenarios shared by exercises 02 (SpinLock) and 03 (Mutex).
import { expect } from 'vitest';
import { RACE_SLOTS, type RaceRoundsResult } from './race-rounds.ts';
import { runWorkers, until } from '@interleave/lesson-kit/testing';

const WORKER = new URL('./lock.worker.ts', import.meta.url);
const BYTES = (6 + RACE_SLOTS) * 4;

export interface LockLike {
  lock(): void;
  unlock(): void;
}

/** Two threads take the lock 500 times per round; no overlap, no lost update. */
export async function expectMutualExclusion(impl: string, exportName: string): Promise<void> {
  const shared = new SharedArrayBuffer(BYTES);
  const iterations = 500;
  const [result] = await runWorkers<RaceRoundsResult>(
    WORKER,
    impl,
    [0, 1].map((me) => ({ scenario: 'exclusion', exportName, shared, me, iterations })),
    { watchdogMs: 3000, stuck: 'two threads taking the lock in turns did not finish — a deadlock, or a lock that is never released' },
  );
  const cells = new Int32Array(shared);
  const overlaps = cells[4]!;
  const count = cells[2]!;
  const expected = 2 * iterations * result!.rounds;
  expect(overlaps, `${overlaps} times a thread was inside the critical section while the other one was too: lock() let both in`).toBe(0);
  expect(count, `the lock-protected count is ${count}, expected ${expected}: ${expected - count} updates were lost`).toBe(expected);
  expect(cells[0], 'after the last unlock() the lock word is back to 0 (free)').toBe(0);
}

/**
 * The test's thread holds the lock; a worker calls lock(). It must not return while the
 * lock is held, and must return soon after unlock(). Returns what the worker counted.
 */
export async function expectWaitsForHolder(
  impl: string,
  exportName: string,
  make: (cells: Int32Array) => LockLike,
  { count = false, mustNotify = false }: { count?: boolean; mustNotify?: boolean } = {},
): Promise<{ waits: number; other: number }> {
  const shared = new SharedArrayBuffer(BYTES);
  const cells = new Int32Array(shared);
  const mine = make(cells);
  mine.lock();
  const stop = new AbortController();
  const run = runWorkers<{ waits: number; other: number }>(WORKER, impl, [{ scenario: 'waiter', exportName, shared, count }], {
    watchdogMs: 3000,
    stuck: 'the waiting thread never got the lock after unlock() — does unlock() wake a sleeping waiter (Atomics.notify)?',
    signal: stop.signal,
  });
  run.catch(() => {});
  try {
    await until(() => Atomics.load(cells, 2) !== 0, { timeoutMs: 8000, message: 'the worker never started' });
    // Release once lock() is demonstrably waiting (slot 1: it slept, or it spun 1000 times) —
    // or has returned (slot 3), which the next line reports. A condition, not a guessed
    // pause, so a slow machine changes nothing.
    await until(() => Atomics.load(cells, 1) !== 0 || Atomics.load(cells, 3) !== 0, { timeoutMs: 3000, message: 'the worker called lock() but it neither waited nor returned' });
    expect(Atomics.load(cells, 3), 'lock() returned while another thread held the lock: it must wait until the lock is free').toBe(0);
    const slept = Atomics.load(cells, 1) === 1; // 1: lock() went to sleep; 2: it spun (support/lock.worker.ts)
    const notifies = countNotifies(cells, () => mine.unlock());
    if (mustNotify && slept) {
      expect(
        notifies,
        'unlock() freed a lock that another thread was sleeping on without Atomics.notify: that thread would sleep forever. If the word was 2, notify one waiter.',
      ).toBeGreaterThan(0);
    }
    const [counts] = await run;
    return counts!;
  } finally {
    stop.abort(new Error('test over'));
  }
}

/** Runs `fn` (on this thread) and returns how many times it called Atomics.notify on `cells`. */
function countNotifies(cells: Int32Array, fn: () => void): number {
  const { notify } = Atomics;
  let calls = 0;
  const counting = (array: Int32Array, index: number, count?: number): number => {
    if (array.buffer === cells.buffer) calls++;
    return notify(array, index, count);
  };
  Atomics.notify = counting as typeof Atomics.notify;
  try {
    fn();
  } finally {
    Atomics.notify = notify;
  }
  return calls;
}
