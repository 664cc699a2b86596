import { Queue, QueueShutDownError } from '@interleave/toolkit';

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

export async function handOff<P, R>(paths: readonly string[], options: HandOffOptions<P, R>): Promise<R[]> {
  const { fetchPage, compute, fetchConcurrency, computeConcurrency, capacity } = options;
  checkCount('fetchConcurrency', fetchConcurrency);
  checkCount('computeConcurrency', computeConcurrency);
  checkCount('capacity', capacity);
  const queue = new Queue<{ index: number; page: P }>({ maxSize: capacity });
  const results: R[] = new Array(paths.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown): void => {
    failure ??= { error };
    queue.shutdown({ immediate: true });
  };

  async function fetcher(): Promise<void> {
    try {
      while (failure === undefined && next < paths.length) {
        const index = next++;
        const page = await fetchPage(paths[index]!);
        await queue.put({ index, page }); // waits while `capacity` pages wait: backpressure
      }
    } catch (error) {
      if (!(error instanceof QueueShutDownError)) fail(error);
    }
  }

  async function computer(): Promise<void> {
    try {
      for (;;) {
        const { index, page } = await queue.get();
        results[index] = await compute(page, index);
      }
    } catch (error) {
      if (!(error instanceof QueueShutDownError)) fail(error);
    }
  }

  const computers = Array.from({ length: computeConcurrency }, computer);
  await Promise.all(Array.from({ length: Math.min(fetchConcurrency, paths.length) }, fetcher));
  queue.shutdown(); // no more pages: computers finish what is queued, then get() rejects
  await Promise.all(computers);
  if (failure !== undefined) throw failure.error;
  return results;
}
