import { Queue, QueueShutDownError } from '@interleave/toolkit';

// Wrong: the queue has no bound, so put() never waits: the producer reads the whole
// source into memory at once, however slow the consumers are. No backpressure.
export interface PipelineOptions {
  readonly consumers: number;
  readonly capacity: number;
}

export async function runPipeline<T, R>(source: Iterable<T>, handle: (item: T) => Promise<R>, options: PipelineOptions): Promise<R[]> {
  const { consumers, capacity } = options;
  for (const [name, value] of [['consumers', consumers], ['capacity', capacity]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`runPipeline: options.${name} must be an integer >= 1, got ${value}`);
  }
  const queue = new Queue<{ index: number; item: T }>();
  const results: R[] = [];
  let failure: { error: unknown } | undefined;
  const consume = async (): Promise<void> => {
    for (;;) {
      let next: { index: number; item: T };
      try {
        next = await queue.get();
      } catch (error) {
        if (error instanceof QueueShutDownError) return;
        throw error;
      }
      try {
        results[next.index] = await handle(next.item);
      } catch (error) {
        failure ??= { error };
        queue.shutdown({ immediate: true });
        return;
      } finally {
        queue.taskDone();
      }
    }
  };
  const produce = async (): Promise<void> => {
    let index = 0;
    try {
      for (const item of source) await queue.put({ index: index++, item });
      queue.shutdown();
    } catch (error) {
      if (!(error instanceof QueueShutDownError)) throw error;
    }
  };
  await Promise.all([produce(), ...Array.from({ length: consumers }, consume)]);
  if (failure) throw failure.error;
  return results;
}
