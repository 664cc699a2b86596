// The loop you built, on real I/O. fetch() runs in Node (libuv does the socket work); the
// bridge — loop.bridge(promise), built on callSoonThreadsafe — turns its settlement into
// a callback on *our* loop, where it settles a future that a task waits for. `concurrency`
// worker tasks take the next URL in turn, so at most that many requests are in flight and,
// while they wait, the loop sleeps (a real timer or the bridge's wake-up), using no CPU.
import { Task } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export function* fetchAll(loop: MiniLoop, urls: readonly string[], concurrency: number): Coroutine<unknown[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`fetchAll(loop, urls, concurrency): concurrency must be an integer ≥ 1, got ${concurrency}`);
  const results = new Array<unknown>(urls.length);
  let next = 0;
  function* worker(): Coroutine<void> {
    while (next < urls.length) {
      const index = next++; // one thread: no other task runs between this read and write
      const body = loop.bridge(fetch(urls[index]!).then((response) => response.json() as Promise<unknown>));
      results[index] = yield* body;
    }
  }
  const workers = Array.from({ length: Math.min(concurrency, urls.length) }, () => new Task(loop, worker()));
  for (const task of workers) yield task;
  return results;
}
