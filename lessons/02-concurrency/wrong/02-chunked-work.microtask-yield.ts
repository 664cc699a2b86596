// Wrong: chunks the work, but the default "yield" is `await Promise.resolve()` — a
// microtask. The loop drains every microtask before it looks at timers or I/O, so this
// yields to nobody that was waiting: timers still fire only after the last item.
export interface ChunkOptions {
  readonly chunkSize: number;
  readonly yieldToLoop?: () => Promise<void>;
}

export async function forEachChunked<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  options: ChunkOptions,
): Promise<void> {
  const { chunkSize, yieldToLoop = () => Promise.resolve() } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`forEachChunked: options.chunkSize must be an integer >= 1, got ${chunkSize}`);
  }
  for (let start = 0; start < items.length; start += chunkSize) {
    if (start > 0) await yieldToLoop();
    const end = Math.min(start + chunkSize, items.length);
    for (let i = start; i < end; i++) work(items[i]!, i);
  }
}
