/**
 * `Task`: a {@link Future} that drives a generator on its loop, one step per callback
 * (asyncio's `Task`). Because the coroutine is a generator, `cancel()` can throw a
 * {@link CancelledError} into it at the `yield` where it waits.
 *
 * @module
 */
import { CancelledError, InvalidStateError } from '../coordination/errors.ts';
import type { EventLoop } from './event-loop.ts';
import { Future, SleepRequest } from './future.ts';
import type { Coroutine } from './future.ts';
import type { TimerHandle } from './handle.ts';

/** Options of `createTask`. */
export interface TaskOptions {
  /** The task's name in traces and messages. Default `Task-N`, numbered per loop. */
  readonly name?: string;
}

/** Loop hooks a task needs (set by the loop; internal). */
export let taskHooks: {
  enter(loop: EventLoop, task: Task<unknown>): Task<unknown> | undefined;
  leave(loop: EventLoop, previous: Task<unknown> | undefined): void;
};
export function setTaskHooks(hooks: typeof taskHooks): void {
  taskHooks = hooks;
}

function isGenerator(value: unknown): value is Coroutine<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Coroutine).next === 'function' && typeof (value as Coroutine).throw === 'function';
}

/**
 * A coroutine running on the loop. It is itself a future of the coroutine's return value.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const task = loop.createTask((function* () {
 *   try {
 *     yield aio.sleep(1000);
 *   } finally {
 *     console.log('cleaned up');
 *   }
 * })(), { name: 'worker' });
 * loop.callLater(10, () => task.cancel('stop'));
 * await loop.runUntilComplete(task).catch((e: unknown) => console.log((e as Error).name)); // 'CancelledError'
 * ```
 */
export class Task<T = unknown> extends Future<T> {
  /** The name given at creation (or `Task-N`). */
  readonly name: string;
  #coro: Coroutine<T>;
  #mustCancel = false;
  #cancelMessage: string | undefined;
  #cancelledError: CancelledError | undefined;
  #waiter: Future<unknown> | undefined;
  #sleepTimer: TimerHandle | undefined;
  #cancelRequests = 0;
  readonly #wakeup = (future: Future<unknown>): void => {
    let value: unknown;
    try {
      value = future.result();
    } catch (error) {
      this.#step(true, error);
      return;
    }
    this.#step(false, value);
  };

  /** Use `loop.createTask(coroutine, options)`. */
  constructor(loop: EventLoop, coroutine: Coroutine<T>, name: string) {
    super(loop);
    if (!isGenerator(coroutine)) {
      throw new TypeError(`createTask(coroutine): coroutine must be a generator object (call the generator function), got ${typeof coroutine === 'function' ? 'a function' : String(coroutine)}`);
    }
    this.#coro = coroutine;
    this.name = name;
    loop.callSoon(() => this.#step(false, undefined), { label: `step ${name}` });
  }

  override describe(): string {
    return `Task ${this.name}`;
  }

  /**
   * Asks the task to stop: a {@link CancelledError} (with `msg`) is thrown into its generator
   * at the `yield` it waits at, on a later loop iteration. The generator may catch it; its
   * `finally` blocks run. Returns false if the task is already done.
   */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    this.#cancelRequests++;
    if (this.#waiter !== undefined && this.#waiter.cancel(msg)) return true;
    this.#mustCancel = true;
    this.#cancelMessage = msg;
    return true;
  }

  /** How many cancellations were requested and not taken back with `uncancel()`. */
  cancelling(): number {
    return this.#cancelRequests;
  }

  /** Takes one cancellation request back; returns how many remain. */
  uncancel(): number {
    if (this.#cancelRequests > 0) this.#cancelRequests--;
    return this.#cancelRequests;
  }

  protected override cancelledError(): CancelledError {
    const error = this.#cancelledError;
    if (error !== undefined) {
      this.#cancelledError = undefined;
      return error;
    }
    return super.cancelledError();
  }

  #schedule(thrown: boolean, payload: unknown): void {
    this.loop.callSoon(() => this.#step(thrown, payload), { label: `step ${this.name}` });
  }

  #block(future: Future<unknown>): void {
    future.addDoneCallback(this.#wakeup, { label: `wake ${this.name}` });
    this.#waiter = future;
    if (this.#mustCancel && future.cancel(this.#cancelMessage)) this.#mustCancel = false;
  }

  #step(thrown: boolean, payload: unknown): void {
    if (this.done()) throw new InvalidStateError(`${this.describe()}: stepped after it finished`);
    if (this.#mustCancel) {
      if (!(thrown && payload instanceof CancelledError)) {
        thrown = true;
        payload = this.#cancelMessage === undefined ? new CancelledError() : new CancelledError(this.#cancelMessage);
      }
      this.#mustCancel = false;
    }
    this.#waiter = undefined;
    if (this.#sleepTimer !== undefined) {
      // asyncio's sleep() cancels its timer in a `finally` when the coroutine resumes.
      this.#sleepTimer.cancel();
      this.#sleepTimer = undefined;
    }
    const previous = taskHooks.enter(this.loop, this as Task<unknown>);
    try {
      for (;;) {
        let step: IteratorResult<unknown, T>;
        try {
          step = thrown ? this.#coro.throw(payload) : this.#coro.next(payload);
        } catch (error) {
          if (error instanceof CancelledError) {
            this.#cancelledError = error;
            super.cancel(error.message);
          } else {
            super.setException(error);
          }
          return;
        }
        if (step.done === true) {
          if (this.#mustCancel) {
            this.#mustCancel = false;
            super.cancel(this.#cancelMessage);
          } else {
            super.setResult(step.value);
          }
          return;
        }
        const yielded = step.value;
        if (yielded instanceof Future) {
          if (yielded.loop !== this.loop) {
            this.#schedule(true, new InvalidStateError(`${this.describe()} yielded a future of another loop`));
          } else if (yielded === (this as Future<unknown>)) {
            this.#schedule(true, new InvalidStateError(`${this.describe()} cannot wait for itself`));
          } else if (yielded.done()) {
            // `await` on a finished future does not give way to the loop: resume now.
            try {
              payload = yielded.result();
              thrown = false;
            } catch (error) {
              payload = error;
              thrown = true;
            }
            continue;
          } else {
            this.#block(yielded);
          }
        } else if (yielded instanceof SleepRequest) {
          if (yielded.ms <= 0) {
            this.#schedule(false, undefined); // sleep(0): give way for one iteration
          } else {
            const woken = new Future<void>(this.loop);
            this.#sleepTimer = this.loop.callLater(yielded.ms, () => {
              if (!woken.done()) woken.setResult(undefined);
            }, { label: `sleep(${yielded.ms}) ${this.name}` });
            this.#block(woken as Future<unknown>);
          }
        } else if (yielded === undefined) {
          this.#schedule(false, undefined);
        } else {
          const what = isGenerator(yielded) ? 'a generator (use yield* to run a coroutine inline, or createTask)' : String(yielded);
          this.#schedule(true, new TypeError(`${this.describe()} yielded ${what}; a task may yield a Future, sleep(ms) or nothing`));
        }
        return;
      }
    } finally {
      taskHooks.leave(this.loop, previous);
    }
  }
}
