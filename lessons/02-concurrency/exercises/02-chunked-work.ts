/**
 * Exercise 2 — chunk a CPU-bound job so timers keep firing.
 *
 * `work(item, index)` is synchronous. Calling it for 100,000 items in one loop keeps the one
 * JavaScript thread busy the whole time: no timer fires, no request is answered, until the
 * loop ends. Split the job: call `work` for at most `chunkSize` items, then **await
 * `yieldToLoop()`** — which lets the event loop run whatever is waiting — then the next chunk.
 *
 * - Every item is processed exactly once, in order.
 * - No more than `chunkSize` calls of `work` between two yields (none after the last item).
 * - `yieldToLoop` defaults to a function that returns a promise resolved by
 *   `setImmediate` — a macrotask, so timers and I/O callbacks get their turn first.
 * - `chunkSize` must be an integer ≥ 1: otherwise throw a `RangeError` naming it and the value.
 *
 * @example
 * ```ts
 * let sum = 0;
 * await forEachChunked([1, 2, 3, 4, 5], (n) => { sum += n * n; }, { chunkSize: 2 });
 * console.log(sum); // 55, with two pauses for the event loop in between
 * ```
 */
export interface ChunkOptions {
  /** How many items to process between two yields to the event loop. */
  readonly chunkSize: number;
  /** Gives the event loop a turn. Default: a promise resolved from `setImmediate`. */
  readonly yieldToLoop?: () => Promise<void>;
}

export async function forEachChunked<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  options: ChunkOptions,
): Promise<void> {
  // TODO: check chunkSize; then loop over the items, awaiting yieldToLoop() after every chunkSize of them.
  throw new Error('Not implemented: forEachChunked');
}
