// Cancellation that reaches the code. This is exercise 5's task (done for you) plus
// cancel(), which is yours:
//   - cancel() returns false if the task is done;
//   - if the task waits for a future (#waiting), cancel that future: its done-callback
//     then throws a CancelledError into the generator at its yield (future.result() of a
//     cancelled future throws one); return true;
//   - otherwise (the task has not started, or is about to step) remember it (#mustCancel)
//     and make the next step throw a CancelledError into the generator; return true;
//   - in #step: a CancelledError that escapes the generator ends the task cancelled
//     (super.cancel()); a generator that catches it and returns ends normally.
import { Future } from '../lib/mini-loop.ts';
import type { Coroutine, MiniLoop } from '../lib/mini-loop.ts';

export class Task<T> extends Future<T> {
  readonly #coro: Coroutine<T>;
  #waiting: Future<unknown> | undefined;
  #mustCancel = false;

  constructor(loop: MiniLoop, coro: Coroutine<T>) {
    super(loop);
    this.#coro = coro;
    loop.callSoon(() => this.#step(false, undefined));
  }

  /** Asks the task to stop; returns false if it is already done. */
  override cancel(): boolean {
    // TODO
    throw new Error(`Not implemented: cancel (${this.#mustCancel})`);
  }

  #step(thrown: boolean, payload: unknown): void {
    // TODO: a pending cancel (#mustCancel) throws a CancelledError into the generator
    this.#waiting = undefined;
    let step: IteratorResult<Future<unknown>, T>;
    try {
      step = thrown ? this.#coro.throw(payload) : this.#coro.next(payload);
    } catch (error) {
      // TODO: a CancelledError that escapes ends the task cancelled
      this.setException(error);
      return;
    }
    if (step.done) {
      this.setResult(step.value); // also when it caught the CancelledError: not cancelled
      return;
    }
    this.#waiting = step.value;
    step.value.addDoneCallback((future) => {
      let value: unknown;
      try {
        value = future.result(); // a cancelled future throws CancelledError here
      } catch (error) {
        this.#step(true, error);
        return;
      }
      this.#step(false, value);
    });
  }
}
