// A task drives a generator, one step per loop callback. Each `yield future` suspends the
// generator; the task registers a done-callback on that future, and the callback — run by
// the loop, later — sends the result back in with next(value), or throws the exception in
// with throw(error), at the very `yield` where it waited. That is asyncio's Task.__step and
// __wakeup; `await` in an async function is the same idea with the engine doing the steps.
import { Future } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export class Task<T> extends Future<T> {
  readonly #coro: Coroutine<T>;

  constructor(loop: MiniLoop, coro: Coroutine<T>) {
    super(loop);
    this.#coro = coro;
    // The first step is scheduled, not run here: creating a task never runs its code.
    loop.callSoon(() => this.#step(false, undefined));
  }

  #step(thrown: boolean, payload: unknown): void {
    let step: IteratorResult<Future<unknown>, T>;
    try {
      step = thrown ? this.#coro.throw(payload) : this.#coro.next(payload);
    } catch (error) {
      this.setException(error); // the generator let it escape: the task fails with it
      return;
    }
    if (step.done) {
      this.setResult(step.value);
      return;
    }
    step.value.addDoneCallback((future) => {
      let value: unknown;
      try {
        value = future.result();
      } catch (error) {
        this.#step(true, error);
        return;
      }
      this.#step(false, value);
    });
  }
}
