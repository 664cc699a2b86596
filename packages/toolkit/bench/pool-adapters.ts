/**
 * The three pools of the pool benchmarks behind one small interface, built with the same
 * settings: ours (`WorkerPool`), piscina and tinypool. Each is imported only when asked
 * for, so a bench process loads the code of the one pool it measures.
 */

/** What the pool suites need from a pool. */
export interface BenchPool {
  run(input: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
  /** Finish queued work, then stop; undefined if the pool has no such call (tinypool). */
  close: (() => Promise<void>) | undefined;
  destroy(): Promise<void>;
}

export type PoolKind = 'ours' | 'piscina' | 'tinypool';

/** Settings every pool gets alike. */
export interface BenchPoolSettings {
  size: number;
  /** `bench`: the shared task module; `fail-first-start`: a worker whose first start throws. */
  worker?: 'bench' | 'fail-first-start';
  workerData?: unknown;
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
  /** Ours only: the peers have no per-task timeout (the crash suite gives them AbortSignal.timeout). */
  taskTimeoutMs?: number;
}

const workers = {
  bench: { ours: './workers/bench.worker.ts', peers: './workers/bench-peer.mjs' },
  'fail-first-start': { ours: './workers/fail-first-start.worker.ts', peers: './workers/fail-first-start-peer.mjs' },
} as const;

export const POOL_KINDS: readonly PoolKind[] = ['ours', 'piscina', 'tinypool'];

/** Builds a pool of `kind` with `settings`, all threads started (so start-up is not measured). */
export async function makePool(kind: PoolKind, settings: BenchPoolSettings): Promise<BenchPool> {
  const files = workers[settings.worker ?? 'bench'];
  const ours = new URL(files.ours, import.meta.url);
  const theirs = new URL(files.peers, import.meta.url).href;
  if (kind === 'ours') {
    const { WorkerPool } = await import('../src/workers/worker-pool.ts');
    const pool = new WorkerPool({
      filename: ours,
      size: settings.size,
      workerData: settings.workerData,
      ...(settings.resourceLimits !== undefined ? { resourceLimits: settings.resourceLimits } : {}),
      ...(settings.taskTimeoutMs !== undefined ? { taskTimeoutMs: settings.taskTimeoutMs } : {}),
    });
    return { run: (input, options) => pool.run(input, options), close: () => pool.close(), destroy: () => pool.destroy() };
  }
  if (kind === 'piscina') {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({
      filename: theirs,
      minThreads: settings.size,
      maxThreads: settings.size,
      workerData: settings.workerData,
      ...(settings.resourceLimits !== undefined ? { resourceLimits: settings.resourceLimits } : {}),
    });
    return { run: (input, options) => pool.run(input, options), close: () => pool.close(), destroy: () => pool.destroy() };
  }
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: theirs,
    minThreads: settings.size,
    maxThreads: settings.size,
    workerData: settings.workerData,
    ...(settings.resourceLimits !== undefined ? { resourceLimits: settings.resourceLimits } : {}),
  });
  return { run: (input, options) => pool.run(input, options), close: undefined, destroy: () => pool.destroy() };
}

/** Runs `total` tasks from `callers` concurrent loops, each awaiting its previous task. */
export async function drive(pool: BenchPool, total: number, callers: number, input: (i: number) => unknown = (i) => i): Promise<void> {
  let next = 0;
  async function caller(): Promise<void> {
    while (next < total) {
      const i = next++;
      await pool.run(input(i));
    }
  }
  await Promise.all(Array.from({ length: callers }, caller));
}
