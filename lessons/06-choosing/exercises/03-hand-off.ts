// import { Queue, QueueShutDownError } from '@interleave/toolkit';

export interface HandOffOptions<P, R> {
  /** Stage 1: fetch one page (I/O). */
  fetchPage: (path: string) => Promise<P>;
  /** Stage 2: compute on one page (CPU, or a worker pool's promise). */
  compute: (page: P, index: number) => Promise<R>;
  /** How many fetches at once. */
  fetchConcurrency: number;
  /** How many computes at once. */
  computeConcurrency: number;
  /** The most fetched pages waiting for a compute. */
  capacity: number;
}

function checkCount(name: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new RangeError(`handOff: ${name} must be an integer >= 1, got ${String(value)}`);
  }
}

/**
 * Exercise 3 — two stages and a bounded hand-off between them.
 *
 * `handOff(paths, options)` fetches every path with `fetchPage` (stage 1, I/O) and passes
 * each page to `compute(page, index)` (stage 2, CPU — or a worker pool), and resolves with
 * the results **in the order of `paths`**. The two stages overlap: pages are computed
 * while others are being fetched. Between them sits a toolkit `Queue` with
 * `maxSize: capacity`, so that when computing is the slow stage, fetching waits instead
 * of piling pages up in memory (backpressure).
 *
 * - `fetchConcurrency` fetchers, each: take the next index, `await fetchPage(path)`,
 *   `await queue.put({ index, page })` (this waits while the queue is full), repeat.
 * - `computeConcurrency` computers, each: `await queue.get()`, store
 *   `await compute(page, index)` at `results[index]`, repeat.
 * - The end: when every fetcher is done, `queue.shutdown()`; the computers empty the queue,
 *   then `get()` rejects with `QueueShutDownError` — that is how a computer knows to stop.
 * - The first error (from either stage) rejects `handOff` with that error, after every
 *   fetcher and computer has stopped; `queue.shutdown({ immediate: true })` wakes them all.
 * - Each count must be an integer >= 1: else a `RangeError` naming it. No paths → `[]`.
 *
 * The tests count the requests the practice server received and watch the queue.
 *
 * @example
 * ```ts
 * const sizes = await handOff(['/a', '/b'], {
 *   fetchPage: (path) => fetch(origin + path).then((r) => r.text()),
 *   compute: async (text) => text.length,
 *   fetchConcurrency: 4, computeConcurrency: 2, capacity: 8,
 * });
 * ```
 */
export async function handOff<P, R>(paths: readonly string[], options: HandOffOptions<P, R>): Promise<R[]> {
  // TODO: check the counts; a bounded Queue; fetchers that put, computers that get;
  // shut the queue down when fetching is done; the first error wins.
  throw new Error('Not implemented: handOff');
}
