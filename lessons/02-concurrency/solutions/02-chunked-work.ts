/**
 * Exercise 2 — chunk a CPU-bound job so timers keep firing (solution).
 *
 * The yield must be a *macrotask* (setImmediate, setTimeout, a MessageChannel message):
 * `await Promise.resolve()` only lets other microtasks run — timers and I/O callbacks wait
 * for the microtask queue to be empty, so they would still starve.
 */
export interface ChunkOptions {
  /** How many items to process between two yields to the event loop. */
  readonly chunkSize: number;
  /** Gives the event loop a turn. Default: a promise resolved from `setImmediate`. */
  readonly yieldToLoop?: () => Promise<void>;
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function forEachChunked<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  options: ChunkOptions,
): Promise<void> {
  const { chunkSize, yieldToLoop = nextMacrotask } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`forEachChunked: options.chunkSize must be an integer >= 1, got ${chunkSize}`);
  }
  for (let start = 0; start < items.length; start += chunkSize) {
    // No yield before the first chunk: the caller already gave us the thread.
    if (start > 0) await yieldToLoop();
    const end = Math.min(start + chunkSize, items.length);
    for (let i = start; i < end; i++) work(items[i]!, i);
  }
}
