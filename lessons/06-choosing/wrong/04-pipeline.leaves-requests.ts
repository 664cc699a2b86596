// Wrong: fetch gets no signal. After an abort the requests in flight run to their end;
// the server never sees them cancelled.
import { Queue, WorkerPool } from '@interleave/toolkit';
import type { Digest, Page } from '../lib/work.ts';
import type { DigestTask } from '../lib/digest.worker.ts';

export interface PipelineOptions {
  /** Where the pages are, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** CPU cost per page: hash rounds (see lib/work.ts). */
  rounds: number;
  /** How many fetches at once. */
  fetchConcurrency: number;
  /** The most fetched pages waiting for a worker. */
  capacity: number;
  /** Worker threads. */
  poolSize: number;
  /** Abort: stop everything, reject with `signal.reason`. */
  signal?: AbortSignal;
  /** The worker module (it calls `defineWorker` with a `DigestTask → Digest` function). */
  workerFile?: string | URL;
}

export const DIGEST_WORKER = new URL('../lib/digest.worker.ts', import.meta.url);

export async function runPipeline(paths: readonly string[], options: PipelineOptions): Promise<Digest[]> {
  const { origin, rounds, fetchConcurrency, capacity, poolSize, signal, workerFile = DIGEST_WORKER } = options;
  signal?.throwIfAborted();
  const pool = new WorkerPool<DigestTask, Digest>({ filename: workerFile, size: poolSize });
  const queue = new Queue<{ index: number; page: Page }>({ maxSize: capacity });
  // One controller stops every stage: the caller's abort or the first failure.
  const stop = new AbortController();
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown): void => {
    if (failure !== undefined) return;
    failure = { error };
    stop.abort(error);
    queue.shutdown({ immediate: true });
  };
  const onAbort = (): void => fail(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  const results: Digest[] = new Array(paths.length);
  let next = 0;
  async function fetcher(): Promise<void> {
    while (!stop.signal.aborted && next < paths.length) {
      const index = next++;
      const path = paths[index]!;
      const response = await fetch(origin + path);
      if (!response.ok) throw new Error(`${response.status} from ${path}`);
      const body = await response.text();
      await queue.put({ index, page: { path, body } }, { signal: stop.signal });
    }
  }
  async function computer(): Promise<void> {
    for (;;) {
      let item: { index: number; page: Page };
      try {
        item = await queue.get({ signal: stop.signal });
      } catch (error) {
        if (stop.signal.aborted || queue.isShutDown) return; // no more pages
        throw error;
      }
      results[item.index] = await pool.run({ page: item.page, rounds }, { signal: stop.signal });
    }
  }
  const guard = (stage: Promise<void>): Promise<void> => stage.catch(fail);

  try {
    const computers = Array.from({ length: poolSize }, () => guard(computer()));
    await Promise.all(Array.from({ length: Math.min(fetchConcurrency, paths.length) }, () => guard(fetcher())));
    queue.shutdown();
    await Promise.all(computers);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // After a failure or an abort: stop the workers now. Otherwise they are idle: close.
    await (failure === undefined ? pool.close() : pool.destroy());
  }
  if (failure !== undefined) throw failure.error;
  return results;
}
