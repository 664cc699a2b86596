// Cancellation that reaches the code. cancel() does not stop the task from outside: it
// cancels the future the task waits for, and that future's done-callback throws a
// CancelledError into the generator at its `yield` (a task between steps gets it at its
// next step). The generator decides: let it escape (finally blocks run, the task ends
// cancelled) or catch it and carry on (then the task is not cancelled). That is asyncio's
// Task.cancel — and why this lesson's tasks are generators: a promise cannot be stopped
// from outside, a generator can be thrown into.
import { CancelledError, Future } from '../lib/mini-loop.ts';
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
    if (this.done()) return false;
    // Waiting on a future: cancel it, and its callback throws CancelledError into us.
    if (this.#waiting !== undefined && this.#waiting.cancel()) return true;
    this.#mustCancel = true; // not started yet (or about to step): throw at the next step
    return true;
  }

  #step(thrown: boolean, payload: unknown): void {
    if (this.#mustCancel) {
      this.#mustCancel = false;
      thrown = true;
      payload = new CancelledError('cancelled');
    }
    this.#waiting = undefined;
    let step: IteratorResult<Future<unknown>, T>;
    try {
      step = thrown ? this.#coro.throw(payload) : this.#coro.next(payload);
    } catch (error) {
      if (error instanceof CancelledError) super.cancel(); // it let the cancellation through
      else this.setException(error);
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
