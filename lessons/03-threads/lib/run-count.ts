// Runs lib/count.worker.ts on `threads` workers at once and returns the final count and the
// slowest worker's time.
import { createWorker } from '@interleave/toolkit';
import { COUNT_BYTES, type CountMode } from './count-job.ts';

const WORKER = new URL('./count.worker.ts', import.meta.url);

/**
 * @example
 * ```ts
 * const { count, ms } = await runCount('atomic', 2, 1_000_000); // count === 2_000_000
 * ```
 */
export async function runCount(mode: CountMode, threads: number, times: number): Promise<{ count: number; ms: number }> {
  const shared = new SharedArrayBuffer(COUNT_BYTES);
  const workers = Array.from({ length: threads }, () => createWorker(WORKER, { workerData: { mode, times, shared, parties: threads } }));
  try {
    const times_ = await Promise.all(
      workers.map((w) => new Promise<number>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
    return { count: Atomics.load(new Int32Array(shared), 0), ms: Math.max(...times_) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
