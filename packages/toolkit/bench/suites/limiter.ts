/**
 * createLimiter against p-limit: throughput of many tiny async calls through the limiter,
 * at concurrency 1, 8, 64 and 1024. All calls are queued at once, then awaited together;
 * the figure is calls per second of CPU time, so it measures the limiter's own overhead
 * (queueing, hand-off, settling), not the work. CPU time (process.cpuUsage), not wall
 * time: the work is single-threaded and never waits, so the two agree on a quiet machine,
 * and CPU time stays meaningful on a busy one.
 */
import { contender, cpuMs, defineSuite, opsPerSecond } from '../lib.ts';
import type { MeasureContext } from '../lib.ts';

interface Params {
  readonly concurrency: number;
  readonly calls: number;
}

type LimitFn = (fn: () => Promise<number>) => Promise<number>;

async function drive(limit: LimitFn, calls: number): Promise<number> {
  let i = 0;
  const task = async (): Promise<number> => i++;
  const promises: Promise<number>[] = new Array(calls);
  const start = cpuMs();
  for (let k = 0; k < calls; k++) promises[k] = limit(task);
  await Promise.all(promises);
  const ms = cpuMs() - start;
  if (i !== calls) throw new Error(`limiter bench: ran ${i} of ${calls} calls`);
  return opsPerSecond(calls, ms);
}

export async function measureOurs(params: Params, _context: MeasureContext): Promise<number> {
  const { createLimiter } = await import('../../src/limiting/create-limiter.ts');
  return drive(createLimiter(params.concurrency), params.calls);
}

export async function measurePLimit(params: Params, _context: MeasureContext): Promise<number> {
  const { default: pLimit } = await import('p-limit');
  return drive(pLimit(params.concurrency), params.calls);
}

export const suite = defineSuite({
  name: 'limiter',
  title: 'createLimiter vs p-limit: throughput of tiny async calls',
  cases: ({ quick }) =>
    [1, 8, 64, 1024].map((concurrency) => {
      const params = { concurrency, calls: quick ? 2_000 : 100_000 };
      return {
        name: `concurrency ${concurrency}`,
        unit: 'ops/s' as const,
        higherIsBetter: true,
        ours: contender(import.meta.url, 'measureOurs', params),
        peers: { 'p-limit 7.3.3': contender(import.meta.url, 'measurePLimit', params) },
        note: `${params.calls.toLocaleString('en-US')} calls of an empty async function, all queued at once; per second of CPU time`,
      };
    }),
});
