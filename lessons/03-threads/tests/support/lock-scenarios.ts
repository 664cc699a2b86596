// Host side of the lock scenarios shared by exercises 02 (SpinLock) and 03 (Mutex).
import { expect } from 'vitest';
import { RACE_SLOTS, type RaceRoundsResult } from './race-rounds.ts';
import { pause, untilSet } from './poll.ts';
import { runWorkers } from './threads.ts';

const WORKER = new URL('../fixtures/lock.worker.ts', import.meta.url);
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
    { watchdogMs: 4500, stuck: 'two threads taking the lock in turns did not finish — a deadlock, or a lock that is never released' },
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
  count = false,
): Promise<{ waits: number; other: number }> {
  const shared = new SharedArrayBuffer(BYTES);
  const cells = new Int32Array(shared);
  const mine = make(cells);
  mine.lock();
  const stop = new AbortController();
  const run = runWorkers<{ waits: number; other: number }>(WORKER, impl, [{ scenario: 'waiter', exportName, shared, count }], {
    watchdogMs: 4000,
    stuck: 'the waiting thread never got the lock after unlock() — does unlock() wake a sleeping waiter (Atomics.notify)?',
    signal: stop.signal,
  });
  run.catch(() => {});
  try {
    await untilSet(cells, 2, 3000, 'the worker never started');
    await pause(150);
    expect(Atomics.load(cells, 3), 'lock() returned while another thread held the lock: it must wait until the lock is free').toBe(0);
    mine.unlock();
    const [counts] = await run;
    return counts!;
  } finally {
    stop.abort(new Error('test over'));
  }
}
