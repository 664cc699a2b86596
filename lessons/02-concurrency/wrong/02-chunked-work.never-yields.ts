// Wrong: an async function that never awaits runs start to finish in one go — `async` does
// not make it yield. Every item is processed, and no timer fires until the end.
export interface ChunkOptions {
  readonly chunkSize: number;
  readonly yieldToLoop?: () => Promise<void>;
}

export async function forEachChunked<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  options: ChunkOptions,
): Promise<void> {
  if (!Number.isInteger(options.chunkSize) || options.chunkSize < 1) {
    throw new RangeError(`forEachChunked: options.chunkSize must be an integer >= 1, got ${options.chunkSize}`);
  }
  for (let i = 0; i < items.length; i++) work(items[i]!, i);
}
