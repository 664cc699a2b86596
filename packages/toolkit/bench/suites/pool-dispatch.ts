/**
 * Pool dispatch throughput: trivial tasks (the worker returns its number) through a pool
 * of 2 threads, from 1 caller awaiting each task and from 64 concurrent callers. This
 * measures the pool's own overhead: messages, queueing, wake-ups. Ours against piscina
 * and tinypool with the same size; every contender starts its threads and warms up
 * before the clock starts.
 */
import { contender, defineSuite, elapsedMs, opsPerSecond } from '../lib.ts';
import { drive, makePool, type PoolKind } from '../pool-adapters.ts';

interface Params {
  kind: PoolKind;
  callers: number;
  tasks: number;
}

export async function measureDispatch(params: Params): Promise<number> {
  const pool = await makePool(params.kind, { size: 2 });
  try {
    await drive(pool, Math.max(2_000, params.tasks / 5), params.callers); // start threads, warm the JIT
    const start = elapsedMs();
    await drive(pool, params.tasks, params.callers);
    return opsPerSecond(params.tasks, elapsedMs() - start);
  } finally {
    await pool.destroy();
  }
}

function dispatchCase(callers: number, quick: boolean) {
  const tasks = quick ? 2_000 : callers === 1 ? 10_000 : 40_000;
  const of = (kind: PoolKind) => contender(import.meta.url, 'measureDispatch', { kind, callers, tasks });
  return {
    name: `trivial tasks, ${callers} caller${callers === 1 ? '' : 's'}, 2 threads`,
    unit: 'ops/s' as const,
    higherIsBetter: true,
    ours: of('ours'),
    peers: { piscina: of('piscina'), tinypool: of('tinypool') },
    note: `${tasks} tasks per sample after a warm-up; the worker returns its input`,
  };
}

export const suite = Object.assign(
  defineSuite({
    name: 'pool-dispatch',
    title: 'WorkerPool dispatch throughput vs piscina and tinypool',
    cases: ({ quick }) => [dispatchCase(1, quick), dispatchCase(64, quick)],
  }),
  // Each sample builds, warms and destroys its own pool: no extra warm-up runs needed.
  { options: { warmup: 0 } },
);
