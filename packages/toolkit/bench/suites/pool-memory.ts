/**
 * Memory over 1e6 tiny tasks: 64 callers push a million trivial tasks through a pool of
 * 2 threads while the heap (after a forced GC) and the RSS are sampled 20 times as it
 * runs. After the first tenth (the warm-up) the curve must be flat: a pool that keeps
 * anything per task grows with the count.
 *
 * One run per pool measures every figure: the three cases of a pool read the same run
 * (cached for this `pnpm bench` process), since a million tasks takes a while.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contender, defineSuite } from '../lib.ts';
import { makePool, type PoolKind } from '../pool-adapters.ts';

type Figure = 'heap-growth' | 'heap-max' | 'rss-max';

interface Params {
  kind: PoolKind;
  tasks: number;
  figure: Figure;
}

interface Run {
  samples: { heap: number; rss: number }[];
  figures: Record<Figure, number>;
}

const MB = 1024 * 1024;

async function measureRun(kind: PoolKind, tasks: number): Promise<Run> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('pool-memory: run with --expose-gc (bench/lib.ts does)');
  const pool = await makePool(kind, { size: 2 });
  const every = tasks / 20;
  const samples: { heap: number; rss: number }[] = [];
  let next = 0;
  let done = 0;
  async function caller(): Promise<void> {
    while (next < tasks) {
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
  const after = samples.slice(1); // from the end of the first tenth on
  return {
    samples,
    figures: {
      'heap-growth': after[after.length - 1]!.heap - after[0]!.heap,
      'heap-max': Math.max(...after.map((s) => s.heap)),
      'rss-max': Math.max(...after.map((s) => s.rss)),
    },
  };
}

export async function measureMemory(params: Params): Promise<number> {
  // Keyed by the bench runner's pid: one run of `pnpm bench` measures each pool once.
  const cache = path.join(tmpdir(), `interleave-pool-memory-${process.ppid}-${params.kind}-${params.tasks}.json`);
  let run: Run;
  if (existsSync(cache)) {
    run = JSON.parse(readFileSync(cache, 'utf8')) as Run;
  } else {
    run = await measureRun(params.kind, params.tasks);
    writeFileSync(cache, JSON.stringify(run));
    const series = run.samples.map((s) => `${s.heap.toFixed(1)}/${s.rss.toFixed(0)}`).join(' ');
    process.stderr.write(`pool-memory ${params.kind} heap/RSS MB every ${params.tasks / 20} tasks: ${series}\n`);
  }
  return run.figures[params.figure];
}

const CASES: Record<Figure, { name: (tasks: string) => string; note: string }> = {
  'heap-growth': {
    name: (tasks) => `heap growth over ${tasks} tasks after warm-up`,
    note: 'heap after GC: last sample minus the sample after the first tenth; about 0 means flat (ratios of near-zero figures mean little)',
  },
  'heap-max': {
    name: (tasks) => `highest heap after GC, ${tasks} tasks`,
    note: 'main-thread heap after a forced GC, highest of the samples after warm-up; 64 callers, 2 threads',
  },
  'rss-max': {
    name: (tasks) => `highest RSS, ${tasks} tasks`,
    note: 'whole-process resident memory (main thread and both workers), highest of the samples after warm-up; our workers load tsx (they run .ts), the peers plain .mjs',
  },
};

export const suite = Object.assign(
  defineSuite({
    name: 'pool-memory',
    title: 'WorkerPool memory over 1e6 tiny tasks vs piscina and tinypool',
    cases: ({ quick }) => {
      const tasks = quick ? 20_000 : 1_000_000;
      const label = tasks.toLocaleString('en-US');
      return (Object.keys(CASES) as Figure[]).map((figure) => {
        const of = (kind: PoolKind) => contender(import.meta.url, 'measureMemory', { kind, tasks, figure });
        return {
          name: CASES[figure].name(label),
          unit: 'MB' as const,
          higherIsBetter: false,
          ours: of('ours'),
          peers: { piscina: of('piscina'), tinypool: of('tinypool') },
          note: CASES[figure].note,
        };
      });
    },
  }),
  // A million tasks through a slow pool on a busy machine can take minutes.
  { options: { repetitions: 1, warmup: 0, samples: 1, timeoutMs: 600_000 } },
);
