/** Options of {@link chooseChunkSize}. */
export interface ChunkSizeOptions {
  /**
   * How many chunks each worker should get, at least, so that a worker that drew slow
   * items is not the one everybody waits for. An integer ≥ 1. Default 4.
   */
  chunksPerWorker?: number;
  /**
   * The smallest chunk worth a message: below this, sending costs more than computing.
   * An integer ≥ 1. Default 1.
   */
  minChunk?: number;
}

/**
 * Picks how many items to put in each chunk when `items` items are handed out to
 * `workers` workers, one chunk at a time, to whichever worker is free.
 *
 * - aim for `workers * chunksPerWorker` chunks: size = ceil(items / (workers * chunksPerWorker));
 * - but never below `minChunk` — and never above `items` (one chunk holds everything);
 * - `items` 0 → 0 (nothing to send);
 * - `items` an integer ≥ 0, `workers` an integer ≥ 1, the options integers ≥ 1 —
 *   otherwise a `RangeError` naming the parameter (`items`, `workers`,
 *   `chunksPerWorker`, `minChunk`) and the value.
 *
 * Example: chooseChunkSize(1000, 2) → 125 (8 chunks: 4 per worker);
 *          chooseChunkSize(1000, 2, { minChunk: 300 }) → 300.
 */
export function chooseChunkSize(items: number, workers: number, options: ChunkSizeOptions = {}): number {
  // TODO: validate, then balance (enough chunks) against overhead (big enough chunks).
  throw new Error('Not implemented: chooseChunkSize');
}
