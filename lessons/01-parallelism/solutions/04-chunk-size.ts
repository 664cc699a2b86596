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
  const { chunksPerWorker = 4, minChunk = 1 } = options;
  check('items', items, 0);
  check('workers', workers, 1);
  check('chunksPerWorker', chunksPerWorker, 1);
  check('minChunk', minChunk, 1);
  if (items === 0) return 0;
  // Two forces pull in opposite directions. Big chunks: few messages, little overhead —
  // but with only one chunk per worker, the worker that drew the slow items finishes
  // last while the others idle. Small chunks: whoever is free takes the next one, so the
  // load evens out — but every chunk pays for a message. Several chunks per worker is
  // the balance; minChunk is the floor below which messages cost more than work.
  // (Python's ProcessPoolExecutor.map has the same knob: chunksize.)
  const balanced = Math.ceil(items / (workers * chunksPerWorker));
  return Math.min(items, Math.max(minChunk, balanced));
}

function check(name: string, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`chooseChunkSize: ${name} must be an integer ≥ ${min}, received ${String(value)}`);
  }
}
