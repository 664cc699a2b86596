// Wrong: correct results, but one request at a time — `concurrency` is ignored, and the
// loop has nothing else to do while each request waits.
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export function* fetchAll(loop: MiniLoop, urls: readonly string[], concurrency: number): Coroutine<unknown[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
  const results: unknown[] = [];
  for (const url of urls) results.push(yield* loop.bridge(fetch(url).then((response) => response.json() as Promise<unknown>)));
  return results;
}
