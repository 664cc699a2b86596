// Wrong: runs the first step inside the constructor. Creating a task runs its code at once,
// in the middle of whatever created it, before the loop gets a say.

import { Future } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export class Task<T> extends Future<T> {
  readonly #coro: Coroutine<T>;

  constructor(loop: MiniLoop, coro: Coroutine<T>) {
    super(loop);
    this.#coro = coro;
    // The first step is scheduled, not run here: creating a task never runs its code.
    this.#step(false, undefined);
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
