// Wrong: cancel() marks the task cancelled from outside and stops stepping it. The
// generator never hears of it: its finally blocks never run, what it holds is never
// released, and a task that would have caught the CancelledError cannot.
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
    this.#waiting = undefined;
    return super.cancel();
  }

  #step(thrown: boolean, payload: unknown): void {
    if (this.done()) return; // cancelled from outside: never resumed
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
