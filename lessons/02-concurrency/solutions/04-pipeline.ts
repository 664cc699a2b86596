import { Queue, QueueShutDownError } from '@interleave/toolkit';

/**
 * Exercise 4 — a bounded producer/consumer pipeline (solution).
 *
 * Each item travels with its index, so results land in source order whatever order the
 * consumers finish in. The queue's bound is the backpressure: `await queue.put()` holds the
 * producer (and so the reading of the source) while `capacity` items wait. A plain
 * `shutdown()` lets consumers drain; only a failure uses `immediate`, which drops the rest.
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
  const { consumers, capacity } = options;
  for (const [name, value] of [['consumers', consumers], ['capacity', capacity]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`runPipeline: options.${name} must be an integer >= 1, got ${value}`);
  }
  const queue = new Queue<{ index: number; item: T }>({ maxSize: capacity });
  const results: R[] = [];
  let failure: { error: unknown } | undefined;

  const consume = async (): Promise<void> => {
    for (;;) {
      let next: { index: number; item: T };
      try {
        next = await queue.get();
      } catch (error) {
        if (error instanceof QueueShutDownError) return; // drained and shut down: done
        throw error;
      }
      try {
        results[next.index] = await handle(next.item);
      } catch (error) {
        failure ??= { error };
        queue.shutdown({ immediate: true }); // stop the producer and the other consumers
        return;
      } finally {
        queue.taskDone();
      }
    }
  };

  const produce = async (): Promise<void> => {
    let index = 0;
    try {
      for (const item of source) {
        await queue.put({ index: index++, item }); // waits while the queue is full
      }
      queue.shutdown(); // no more items: consumers drain the rest, then return
    } catch (error) {
      if (!(error instanceof QueueShutDownError)) {
        failure ??= { error };
        queue.shutdown({ immediate: true });
      }
      // QueueShutDownError: a consumer failed and shut the queue; leaving the for…of
      // calls the source's return(), so a generator source is closed too.
    }
  };

  await Promise.all([produce(), ...Array.from({ length: consumers }, consume)]);
  if (failure) throw failure.error;
  return results;
}
