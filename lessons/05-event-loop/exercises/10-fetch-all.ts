// Your loop on real sockets: fetch every URL, at most `concurrency` at a time, results in
// the order of `urls`.
//
// The loop is ../lib/mini-loop.ts's MiniLoop with the real clock. It cannot wait for a
// promise itself; loop.bridge(promise) gives a Future that settles (through
// callSoonThreadsafe) when the promise does. So: start `concurrency` worker Tasks; each
// takes the next URL, yields the bridged `fetch(url).then((r) => r.json())`, stores the
// body, and takes the next, until none is left. Then wait for every worker (yield each
// task) and return the bodies. concurrency must be an integer ≥ 1 (RangeError otherwise).
import { Task } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export function* fetchAll(loop: MiniLoop, urls: readonly string[], concurrency: number): Coroutine<unknown[]> {
  // TODO
  void Task;
  throw new Error(`Not implemented: fetchAll (${loop.time() >= 0}, ${urls.length}, ${concurrency})`);
}
