// import { Queue, WorkerPool } from '@interleave/toolkit';
// import type { DigestTask } from '../lib/digest.worker.ts';
import type { Digest } from '../lib/work.ts';

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

/**
 * Exercise 4 — the whole pipeline, and stopping it cleanly.
 *
 * `runPipeline(paths, options)` is exercise 3's shape with real stages: fetch each
 * `origin + path` (`fetchConcurrency` at once), hand the pages through a toolkit `Queue`
 * with `maxSize: capacity`, and digest each one on a toolkit `WorkerPool` of `poolSize`
 * threads running `workerFile` (`pool.run({ page, rounds })`, one computer per worker).
 * Resolve with the digests **in the order of `paths`**, after closing the pool.
 *
 * The CPU work must run on the pool, never on the main thread: the tests check that a
 * 1 ms timer keeps firing while a page is computed.
 *
 * Stopping — on `signal`'s abort or on the first failure (a non-2xx answer is an error
 * `"<status> from <path>"`):
 * - every fetch in flight is aborted (pass an AbortSignal to `fetch`; the server counts it);
 * - no new request starts; the queue is shut down (`shutdown({ immediate: true })`);
 * - the pool is destroyed — `await pool.destroy()` *before* rejecting, so no worker
 *   thread is left (a worker stuck in a computation is terminated);
 * - reject with `signal.reason` (or the first error). An already aborted signal rejects
 *   at once, before fetching or starting a worker.
 *
 * Hint: one internal `AbortController` that both the caller's abort and the first failure
 * trigger, passed to `fetch`, `queue.put/get` and `pool.run`.
 *
 * @example
 * ```ts
 * const digests = await runPipeline(['/pages/a', '/pages/b'], {
 *   origin: server.origin, rounds: 2000, fetchConcurrency: 8, capacity: 4, poolSize: 2,
 *   signal: AbortSignal.timeout(5000),
 * });
 * ```
 */
export async function runPipeline(paths: readonly string[], options: PipelineOptions): Promise<Digest[]> {
  // TODO: a WorkerPool and a bounded Queue; fetchers and computers as in exercise 3; one
  // AbortController for abort and failure; destroy (abort/failure) or close (success).
  throw new Error('Not implemented: runPipeline');
}
