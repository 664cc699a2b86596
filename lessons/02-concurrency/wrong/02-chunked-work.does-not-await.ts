// Wrong: calls yieldToLoop() after each chunk but does not await it, so the next chunk
// starts at once. Calling a function that returns a promise gives nobody a turn — only
// awaiting it does.
export interface ChunkOptions {
  readonly chunkSize: number;
  readonly yieldToLoop?: () => Promise<void>;
}

export async function forEachChunked<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  options: ChunkOptions,
): Promise<void> {
  const { chunkSize, yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve)) } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`forEachChunked: options.chunkSize must be an integer >= 1, got ${chunkSize}`);
  }
  for (let start = 0; start < items.length; start += chunkSize) {
    if (start > 0) void yieldToLoop();
    const end = Math.min(start + chunkSize, items.length);
    for (let i = start; i < end; i++) work(items[i]!, i);
  }
}
