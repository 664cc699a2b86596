/**
 * CPU-bound speedup: the same batch of prime-counting tasks on a pool of 1 thread and on
 * a pool of 2 threads; the figure is time(1 thread) / time(2 threads). This machine has
 * 2 cores, so 2.0× is the physical limit; what a pool loses below it is its own overhead
 * and imbalance (plus whatever else the machine runs).
 */
import { contender, defineSuite, elapsedMs } from '../lib.ts';
import { drive, makePool, type PoolKind } from '../pool-adapters.ts';

interface Params {
  kind: PoolKind;
  tasks: number;
  limit: number;
}

async function timeBatch(kind: PoolKind, size: number, params: Params): Promise<number> {
  const pool = await makePool(kind, { size });
  try {
    const task = { op: 'primes', limit: params.limit };
    await drive(pool, size * 2, size, () => task); // start every thread, warm the JIT
    const start = elapsedMs();
    await drive(pool, params.tasks, params.tasks, () => task);
    return elapsedMs() - start;
  } finally {
    await pool.destroy();
  }
}

export async function measureSpeedup(params: Params): Promise<number> {
  const one = await timeBatch(params.kind, 1, params);
  const two = await timeBatch(params.kind, 2, params);
  return one / two;
}

export const suite = Object.assign(
  defineSuite({
    name: 'pool-speedup',
    title: 'WorkerPool CPU-bound speedup, 2 threads vs 1, vs piscina and tinypool',
    cases: ({ quick }) => {
      const params = quick ? { tasks: 4, limit: 50_000 } : { tasks: 24, limit: 300_000 };
      const of = (kind: PoolKind) => contender(import.meta.url, 'measureSpeedup', { kind, ...params });
      return [
        {
          name: `speedup of ${params.tasks} prime-counting tasks, 2 threads vs 1`,
          unit: 'x' as const,
          higherIsBetter: true,
          ours: of('ours'),
          peers: { piscina: of('piscina'), tinypool: of('tinypool') },
          limit: 2,
          note: `countPrimes(${params.limit}) per task (~25 ms); 2 cores, so 2.0× is the ceiling`,
        },
      ];
    },
  }),
  { options: { warmup: 0 } },
);
