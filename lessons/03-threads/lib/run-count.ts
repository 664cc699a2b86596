// Runs lib/count.worker.ts on `threads` workers at once and returns what each round's
// counter ended at and the slowest worker's counting time.
import { createWorker } from '@interleave/toolkit';
import { COUNTERS, countBytes, type CountMode } from './count-job.ts';

const WORKER = new URL('./count.worker.ts', import.meta.url);

export interface CountRun {
  /** Final value of each round's counter; each should be `threads * perRound`. */
  counts: number[];
  ms: number;
}

/**
 * @example
 * ```ts
 * const { counts, ms } = await runCount('atomic', 2, { rounds: 20, perRound: 100_000 }); // every count 200_000
 * ```
 */
export async function runCount(mode: CountMode, threads: number, { rounds, perRound }: { rounds: number; perRound: number }): Promise<CountRun> {
  const shared = new SharedArrayBuffer(countBytes(rounds));
  const workers = Array.from({ length: threads }, () => createWorker(WORKER, { workerData: { mode, rounds, perRound, shared, parties: threads } }));
  try {
    const ms = await Promise.all(
      workers.map((w) => new Promise<number>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
    return { counts: [...new Int32Array(shared, COUNTERS * 4, rounds)], ms: Math.max(...ms) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
