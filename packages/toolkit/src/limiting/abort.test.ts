/**
 * The abort-at-every-await harness over createLimiter, pooledMap, TaskGroup, retry and
 * asCompleted: each scenario is aborted before it starts, at its start and after every
 * step in turn; each run must reject with exactly the signal's reason (or fulfil when the
 * abort came too late), leave no listener and no timer, and leave the primitive idle.
 */
import { describe, expect, it } from 'vitest';
import { asCompleted } from '../structured/as-completed.ts';
import { createLimiter } from './create-limiter.ts';
import { pooledMap } from './pooled-map.ts';
import { retry } from './retry.ts';
import { TaskGroup } from '../structured/task-group.ts';
import { abortAtEveryAwait } from '../testing/abort-at-every-await.ts';

/** Work that takes a few turns and stops at each one if its signal was aborted. */
async function work<T>(value: T, signal: AbortSignal, turns = 2): Promise<T> {
  for (let i = 0; i < turns; i++) {
    await Promise.resolve();
    signal.throwIfAborted();
  }
  return value;
}

describe('abort at every await', () => {
  it('createLimiter: queued and running run() calls, next to a plain call', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ limit: createLimiter(1), started: 0, settled: 0 }),
      async scenario(state, signal) {
        const track = <T>(p: Promise<T>) => p.finally(() => state.settled++);
        const calls = [
          track(state.limit.run((s) => ((state.started++), work(1, s)), { signal })),
          track(state.limit.run((s) => ((state.started++), work(2, s)), { signal })),
          track(state.limit(() => ((state.started++), work(3, new AbortController().signal)))),
        ];
        const values = await Promise.all(calls);
        expect(values).toEqual([1, 2, 3]);
      },
      check(state) {
        expect(state.limit.pendingCount, 'calls left queued').toBe(0);
        expect(state.limit.activeCount, 'slots left taken').toBe(0);
      },
    });
    expect(report.rejected).toBeGreaterThan(2);
  });

  it('pooledMap: results in order, the rest aborted, nothing left running', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ running: 0 }),
      async scenario(state, signal) {
        const out: number[] = [];
        for await (const v of pooledMap([1, 2, 3, 4, 5], async (x, s) => {
          state.running++;
          try {
            return await work(x * 10, s);
          } finally {
            state.running--;
          }
        }, { concurrency: 2, signal })) {
          out.push(v);
        }
        expect(out).toEqual([10, 20, 30, 40, 50]);
      },
      check(state) {
        expect(state.running, 'calls still running after the iteration settled').toBe(0);
      },
    });
    expect(report.rejected).toBeGreaterThan(2);
  });

  it('TaskGroup: a parent signal cancels every child and join() rejects with its reason', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ group: undefined as TaskGroup | undefined, running: 0 }),
      async scenario(state, signal) {
        const group = new TaskGroup({ signal });
        state.group = group;
        const child = (n: number) => async (s: AbortSignal) => {
          state.running++;
          try {
            return await work(n, s, n);
          } finally {
            state.running--;
          }
        };
        const results = [group.spawn(child(1)), group.spawn(child(2)), group.spawn(child(3))];
        await group.join();
        expect(await Promise.all(results)).toEqual([1, 2, 3]);
      },
      check(state) {
        expect(state.running, 'children outlived join()').toBe(0);
        expect(state.group?.size ?? 0).toBe(0);
      },
    });
    expect(report.rejected).toBeGreaterThan(2);
  });

  it('retry: an abort during an attempt or a backoff delay rejects with the reason, no timer left', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ attempts: 0 }),
      async scenario(state, signal) {
        const value = await retry(async (attempt, s) => {
          state.attempts++;
          await work(attempt, s, 1);
          if (attempt < 3) throw new Error(`attempt ${attempt} fails`);
          return attempt;
        }, { minDelayMs: 1, maxDelayMs: 2, jitter: 0, signal });
        expect(value).toBe(3);
      },
      step: 'timer',
    });
    expect(report.rejected).toBeGreaterThan(2);
  });

  it('asCompleted: an abort ends the waiting iteration with the reason', async () => {
    const report = await abortAtEveryAwait({
      setup: () => undefined,
      async scenario(_, signal) {
        const never = new AbortController().signal;
        const out: number[] = [];
        for await (const v of asCompleted([work(3, never, 3), work(1, never, 1), work(2, never, 2)], { signal })) out.push(v);
        expect(out).toEqual([1, 2, 3]);
      },
    });
    expect(report.rejected).toBeGreaterThan(2);
  });
});
