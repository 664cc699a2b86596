/**
 * Memory over 1e6 tiny tasks: 64 callers push a million trivial tasks through a pool of
 * 2 threads while the heap (after a forced GC) and the RSS are sampled 20 times. After
 * the first tenth (the warm-up) the curve must be flat: a pool that keeps anything per
 * task grows with the count. Figures are growth from the warm-up sample to the last one,
 * in MB (lower is better; ~0 is flat). One run per pool: a million tasks takes a while.
 */
import { contender, defineSuite } from '../lib.ts';
import { makePool, type PoolKind } from '../pool-adapters.ts';

interface Params {
  kind: PoolKind;
  tasks: number;
  measure: 'heap' | 'rss';
}

const MB = 1024 * 1024;

export async function measureMemoryGrowth(params: Params): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('pool-memory: run with --expose-gc (bench/lib.ts does)');
  const pool = await makePool(params.kind, { size: 2 });
  const every = params.tasks / 20;
  const samples: { heap: number; rss: number }[] = [];
  let next = 0;
  let done = 0;
  async function caller(): Promise<void> {
    while (next < params.tasks) {
      const i = next++;
      await pool.run(i);
      if (++done % every === 0) {
        gc!();
        const usage = process.memoryUsage();
        samples.push({ heap: usage.heapUsed / MB, rss: usage.rss / MB });
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: 64 }, caller));
  } finally {
    await pool.destroy();
  }
  const warm = samples[1]!; // after the first tenth
  const last = samples[samples.length - 1]!;
  const line = samples.map((s) => `${s.heap.toFixed(1)}/${s.rss.toFixed(0)}`).join(' ');
  process.stderr.write(`pool-memory ${params.kind} heap/rss MB: ${line}\n`);
  return params.measure === 'heap' ? last.heap - warm.heap : last.rss - warm.rss;
}

export const suite = Object.assign(
  defineSuite({
    name: 'pool-memory',
    title: 'WorkerPool memory over 1e6 tiny tasks vs piscina and tinypool (growth after warm-up)',
    cases: ({ quick }) => {
      const tasks = quick ? 20_000 : 1_000_000;
      return (['heap', 'rss'] as const).map((measure) => {
        const of = (kind: PoolKind) => contender(import.meta.url, 'measureMemoryGrowth', { kind, tasks, measure });
        return {
          name: `${measure === 'heap' ? 'heap (after GC)' : 'RSS'} growth over ${tasks.toLocaleString('en-US')} tasks after warm-up`,
          unit: 'MB' as const,
          higherIsBetter: false,
          ours: of('ours'),
          peers: { piscina: of('piscina'), tinypool: of('tinypool') },
          note: 'last sample minus the sample after the first tenth of the tasks; 20 samples, 64 callers, 2 threads',
        };
      });
    },
  }),
  { options: { repetitions: 1, warmup: 0, samples: 1 } },
);
