import { Queue, QueueShutDownError } from '@interleave/toolkit';

// Wrong: the consumers watch a `finished` flag that the producer sets after its last put,
// and stop as soon as they see it — even when they have just taken an item off the queue.
// The items still queued at the end are taken and dropped, never handled.
export interface PipelineOptions {
  readonly consumers: number;
  readonly capacity: number;
}

export async function runPipeline<T, R>(source: Iterable<T>, handle: (item: T) => Promise<R>, options: PipelineOptions): Promise<R[]> {
  const { consumers, capacity } = options;
  for (const [name, value] of [['consumers', consumers], ['capacity', capacity]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`runPipeline: options.${name} must be an integer >= 1, got ${value}`);
  }
  const queue = new Queue<{ index: number; item: T }>({ maxSize: capacity });
  const results: R[] = [];
  let finished = false;
  let failure: { error: unknown } | undefined;
  const consume = async (): Promise<void> => {
    while (!finished) {
      let next: { index: number; item: T };
      try {
        next = await queue.get();
      } catch (error) {
        if (error instanceof QueueShutDownError) return;
        throw error;
      }
      if (finished) return; // the item just taken is lost
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
      finished = true;
      queue.shutdown();
    } catch (error) {
      if (!(error instanceof QueueShutDownError)) throw error;
    }
  };
  await Promise.all([produce(), ...Array.from({ length: consumers }, consume)]);
  if (failure) throw failure.error;
  return results;
}
