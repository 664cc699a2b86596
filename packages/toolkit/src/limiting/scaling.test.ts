// Cost that grows faster than the work is a bug no single-size test sees. These compare
// two sizes as a ratio (4× the calls must cost about 4× as much, not 16×), never a time
// against a fixed budget: the ratio holds on a slow or busy machine too.
import { setMaxListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLimiter } from './create-limiter.ts';

/** CPU milliseconds of `fn`, the fastest of `runs` runs (the least disturbed by other load). */
async function fastest(runs: number, fn: () => Promise<void>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Queues `n` limit.run calls behind one running call, all sharing one signal, then aborts it. */
async function abortQueued(n: number): Promise<void> {
  const limit = createLimiter(1);
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // n listeners on one signal is the point here
  const blocker = limit(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) calls.push(limit.run(async () => i, { signal: controller.signal }).catch(() => 'aborted'));
  controller.abort(new Error('stop'));
  const outcomes = await Promise.all(calls);
  if (outcomes.some((o) => o !== 'aborted') || limit.pendingCount !== 0) throw new Error('an aborted call ran or stayed queued');
  await blocker;
}

describe('createLimiter scaling (ratios of two sizes, not times)', () => {
  it('aborting 4e4 queued limit.run calls that share one signal costs about 4× aborting 1e4 (linear, not quadratic)', async () => {
    await abortQueued(2_000); // warm up the JIT
    const small = await fastest(3, () => abortQueued(10_000));
    const large = await fastest(3, () => abortQueued(40_000));
    const ratio = large / Math.max(small, 0.001);
    // Linear work gives ~4 (GC adds some); quadratic gives ~16. 9 sits well between.
    expect(ratio, `1e4 calls: ${small.toFixed(1)} ms CPU, 4e4 calls: ${large.toFixed(1)} ms CPU`).toBeLessThan(9);
  });
});
