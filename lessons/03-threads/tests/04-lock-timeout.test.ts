import { describe, expect, test } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { runWorkers, until } from '@interleave/lesson-kit/testing';
import { tryLockFor } from '#impl/04-lock-timeout';

const WORKER = new URL('./support/timed-lock.worker.ts', import.meta.url);
const IMPL = implFile(new URL('../', import.meta.url), '04-lock-timeout');

/**
 * A lock word (slot 0) held by "someone", and what the worker reports (support/timed-lock.worker.ts):
 * slot 1 attempts to take the lock, slot 2 Atomics.wait calls.
 */
const ATTEMPTS = 1;
const WAITS = 2;
function heldLock(): { shared: SharedArrayBuffer; cells: Int32Array } {
  const shared = new SharedArrayBuffer(3 * 4);
  const cells = new Int32Array(shared);
  cells[0] = 1;
  return { shared, cells };
}

function release(cells: Int32Array): void {
  Atomics.store(cells, 0, 0);
  Atomics.notify(cells, 0);
}

describe('tryLockFor()', () => {
  test('takes a free lock at once', () => {
    const cells = new Int32Array(new SharedArrayBuffer(2 * 4));
    expect(tryLockFor(cells, 1, 0)).toBe(true);
    expect(cells[1], 'the lock word is 1 once taken').toBe(1);
  });

  test('with timeoutMs 0, fails at once on a held lock', async () => {
    // In a worker: a wrong answer that waits forever must not freeze the test's own thread.
    const { shared } = heldLock();
    const [got] = await runWorkers<boolean>(WORKER, IMPL, [{ shared, timeoutMs: 0 }], {
      watchdogMs: 2500,
      stuck: 'tryLockFor(cells, 0, 0) on a held lock was still waiting — timeout 0 means try once',
    });
    expect(got).toBe(false);
  });

  test('rejects a bad timeoutMs with a RangeError that names it', () => {
    const cells = new Int32Array(new SharedArrayBuffer(4));
    expect(() => tryLockFor(cells, 0, -1)).toThrow(RangeError);
    expect(() => tryLockFor(cells, 0, Number.NaN)).toThrow(/timeoutMs/);
    expect(cells[0], 'a bad call takes nothing').toBe(0);
  });

  test('gives up and returns false when the lock is never released', async () => {
    const { shared } = heldLock();
    const [got] = await runWorkers<boolean>(WORKER, IMPL, [{ shared, timeoutMs: 100 }], {
      watchdogMs: 2500,
      stuck: 'tryLockFor(cells, 0, 100) on a lock that is never released was still waiting — it must give up after timeoutMs',
    });
    expect(got).toBe(false);
  });

  test('wake-ups that do not free the lock do not extend the deadline', async () => {
    const { shared, cells } = heldLock();
    // The worker's Atomics.wait wakes every 20 ms for nothing while the lock stays held.
    const [got] = await runWorkers<boolean>(WORKER, IMPL, [{ shared, timeoutMs: 200, spuriousEveryMs: 20 }], {
      watchdogMs: 2500,
      stuck: 'tryLockFor(cells, 0, 200), woken every 20 ms, was still waiting: each sleep must get only the time left until one fixed deadline',
    });
    expect(got).toBe(false);
    expect(Atomics.load(cells, WAITS), 'it was woken early and went back to sleep').toBeGreaterThan(1);
  });

  test('takes the lock when it is released before the timeout', async () => {
    const { shared, cells } = heldLock();
    const run = runWorkers<boolean>(WORKER, IMPL, [{ shared, timeoutMs: 3000 }], {
      watchdogMs: 3000,
      stuck: 'tryLockFor(cells, 0, 3000) did not return after the lock was released',
    });
    run.catch(() => {});
    // Release once the worker is waiting (it called Atomics.wait, or tried a second time) —
    // or straight away if it has already answered, which can only be a give-up.
    const waiting = until(() => Atomics.load(cells, WAITS) > 0 || Atomics.load(cells, ATTEMPTS) > 1, { timeoutMs: 8000, message: 'the worker never tried to take the lock' });
    await Promise.race([waiting, run]);
    release(cells);
    const [got] = await run;
    expect(got, 'the lock was released while tryLockFor(cells, 0, 3000) waited for it: it must wait and take it, not give up at once').toBe(true);
    expect(cells[0], 'and then it holds it').toBe(1);
  });
});
