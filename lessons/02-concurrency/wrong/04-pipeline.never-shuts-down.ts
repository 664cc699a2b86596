import { Queue } from '@interleave/toolkit';

// Wrong: never shuts the queue down. Every item is handled, but the consumers then wait in
// get() for an item that never comes, so runPipeline never resolves — a hang, not an error.
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
  const consume = async (): Promise<void> => {
    for (;;) {
      const next = await queue.get();
      results[next.index] = await handle(next.item);
      queue.taskDone();
    }
  };
  const produce = async (): Promise<void> => {
    let index = 0;
    for (const item of source) await queue.put({ index: index++, item });
  };
  await Promise.all([produce(), ...Array.from({ length: consumers }, consume)]);
  return results;
}
