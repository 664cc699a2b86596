// A task: a Future (from ../lib/mini-loop.ts) that drives a generator on the loop.
//
// new Task(loop, coro) schedules the first step with loop.callSoon — it runs nothing
// itself. A step calls coro.next(value) (or coro.throw(error)):
//   - the generator yields a future: add a done-callback to it; when it runs, take the
//     future's result and step again with it — or, if result() throws, step again
//     throwing that error into the generator (at the yield where it waits);
//   - the generator returns: the task's result is the returned value (setResult);
//   - the generator throws: the task fails with that error (setException).
import { Future } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export class Task<T> extends Future<T> {
  constructor(loop: MiniLoop, coro: Coroutine<T>) {
    super(loop);
    // TODO: keep coro; schedule the first step
    void coro;
    throw new Error('Not implemented: Task');
  }
}
