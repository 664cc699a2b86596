/**
 * Exercise 4 — a bounded producer/consumer pipeline.
 *
 * One producer reads `source` and puts each item on a **bounded** toolkit `Queue`
 * (`new Queue({ maxSize: capacity })`); `consumers` consumer tasks take items off it and run
 * `handle(item)`. The bound is the point: when consumers are slower than the source, `put()`
 * waits — the producer stops reading — instead of the queue growing without end
 * (*backpressure*).
 *
 * `runPipeline` resolves with every result, **in the order of the source**, once all items
 * are handled and every consumer has returned. Nothing is lost, nothing handled twice.
 *
 * - Clean shut-down: when the source is exhausted, `queue.shutdown()` (not `immediate`):
 *   consumers drain what is left, then their `get()` rejects with `QueueShutDownError` —
 *   that is their signal to return.
 * - If a `handle` call rejects, `runPipeline` rejects with that error; stop reading the
 *   source and start no new `handle` (`shutdown({ immediate: true })` drops the queued items).
 * - `consumers` and `capacity` must be integers ≥ 1, else throw a `RangeError` naming them.
 *
 * @example
 * ```ts
 * const squares = await runPipeline([1, 2, 3, 4], async (n) => n * n, { consumers: 2, capacity: 1 });
 * console.log(squares); // [1, 4, 9, 16]
 * ```
 */
export interface PipelineOptions {
  /** How many consumers run `handle` at once. */
  readonly consumers: number;
  /** How many items the queue holds before the producer waits. */
  readonly capacity: number;
}

export async function runPipeline<T, R>(
  source: Iterable<T>,
  handle: (item: T) => Promise<R>,
  options: PipelineOptions,
): Promise<R[]> {
  // TODO: a Queue({ maxSize: capacity }) of { index, item }; one producer, `consumers` consumers; shut down cleanly.
  throw new Error('Not implemented: runPipeline');
}
