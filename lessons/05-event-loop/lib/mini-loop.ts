// The lesson's reference loop, whole: what exercises 1 to 8 build one piece at a time.
// Later exercises build on it so that each one is about one idea. It is deliberately
// short; the toolkit's EventLoop (@interleave/toolkit) is the full version.
import { RefTimerHeap } from './timer-heap.ts';

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

export interface Handle {
  cancelled: boolean;
  readonly callback: () => void;
}

/** asyncio's loop in miniature: a ready queue, a timer heap, one iteration at a time. */
export class MiniLoop {
  readonly #virtual: boolean;
  readonly #origin = performance.now();
  #now = 0;
  #ready: Handle[] = [];
  readonly #timers = new RefTimerHeap();
  #wake: (() => void) | undefined;
  /** Operations in flight outside the loop (see `bridge`). */
  #external = 0;
  /** What ran, for tests and demos: one label per callback. */
  readonly log: string[] = [];

  constructor(options: { clock?: 'virtual' | 'real' } = {}) {
    this.#virtual = (options.clock ?? 'virtual') === 'virtual';
  }

  time(): number {
    return this.#virtual ? this.#now : performance.now() - this.#origin;
  }

  callSoon(callback: () => void): Handle {
    const handle: Handle = { cancelled: false, callback };
    this.#ready.push(handle);
    return handle;
  }

  callLater(ms: number, callback: () => void): Handle {
    return this.#timers.push(this.time() + Math.max(0, ms), callback);
  }

  /** The bridge: schedules `callback` from outside the loop and wakes it if it sleeps. */
  callSoonThreadsafe(callback: () => void): Handle {
    const handle = this.callSoon(callback);
    this.#wake?.();
    return handle;
  }

  /** A future of this loop that settles when `promise` does (real I/O, through the bridge). */
  bridge<T>(promise: Promise<T>): Future<T> {
    const future = new Future<T>(this);
    this.#external++;
    promise.then(
      (value) => {
        this.#external--;
        this.callSoonThreadsafe(() => future.setResult(value));
      },
      (error: unknown) => {
        this.#external--;
        this.callSoonThreadsafe(() => future.setException(error));
      },
    );
    return future;
  }

  /** One iteration: due timers join the ready queue, then the snapshot runs. */
  runOnce(): void {
    while (this.#timers.size > 0 && this.#timers.peek()!.cancelled) this.#timers.pop();
    if (this.#ready.length === 0 && this.#virtual && this.#timers.size > 0) this.#now = Math.max(this.#now, this.#timers.peek()!.when);
    while (this.#timers.size > 0 && this.#timers.peek()!.when <= this.time()) {
      const timer = this.#timers.pop()!;
      if (!timer.cancelled) this.#ready.push(timer);
    }
    const todo = this.#ready;
    this.#ready = [];
    for (const handle of todo) if (!handle.cancelled) handle.callback();
  }

  /** Runs iterations until `future` is done; waits for real time or I/O when it must. */
  async runUntilComplete<T>(future: Future<T>): Promise<T> {
    while (!future.done()) {
      while (this.#timers.size > 0 && this.#timers.peek()!.cancelled) this.#timers.pop();
      if (this.#ready.length === 0) {
        const next = this.#timers.peek();
        if (next === undefined) {
          if (this.#external === 0) throw new Error('deadlock: nothing is ready, no timer is set, no I/O is in flight');
          await this.#sleep(Infinity); // until the bridge wakes us
        } else if (!this.#virtual && next.when > this.time()) {
          await this.#sleep(next.when - this.time());
        }
      }
      this.runOnce();
    }
    return future.result();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(() => done(), Math.ceil(ms));
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      this.#wake = done;
    });
  }
}

type State = 'pending' | 'done' | 'failed' | 'cancelled';

/** A result that will exist later; its callbacks are scheduled on the loop, never inline. */
export class Future<T> {
  readonly loop: MiniLoop;
  #state: State = 'pending';
  #value: T | undefined;
  #error: unknown;
  // Loosely typed so that a Future<void> can be yielded where a Future<unknown> is expected.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  #callbacks: ((future: Future<any>) => void)[] = [];

  constructor(loop: MiniLoop) {
    this.loop = loop;
  }

  done(): boolean {
    return this.#state !== 'pending';
  }

  cancelled(): boolean {
    return this.#state === 'cancelled';
  }

  result(): T {
    if (this.#state === 'done') return this.#value as T;
    if (this.#state === 'failed') throw this.#error;
    if (this.#state === 'cancelled') throw new CancelledError('cancelled');
    throw new Error('result() of a future that is not done');
  }

  setResult(value: T): void {
    this.#settle('done', value, undefined);
  }

  setException(error: unknown): void {
    this.#settle('failed', undefined, error);
  }

  cancel(): boolean {
    if (this.#state !== 'pending') return false;
    this.#settle('cancelled', undefined, undefined);
    return true;
  }

  addDoneCallback(callback: (future: Future<T>) => void): void {
    if (this.#state === 'pending') this.#callbacks.push(callback);
    else this.loop.callSoon(() => callback(this));
  }

  /** `const value = yield* future` inside a task. */
  *[Symbol.iterator](): Generator<Future<unknown>, T, unknown> {
    if (!this.done()) yield this as Future<unknown>;
    return this.result();
  }

  #settle(state: State, value: T | undefined, error: unknown): void {
    if (this.#state !== 'pending') throw new Error(`the future is already ${this.#state}`);
    this.#state = state;
    this.#value = value;
    this.#error = error;
    for (const callback of this.#callbacks) this.loop.callSoon(() => callback(this));
    this.#callbacks = [];
  }
}

/** A coroutine on the mini loop: yields futures, returns T. */
export type Coroutine<T> = Generator<Future<unknown>, T, unknown>;

/** A future that drives a generator: one step per callback, resumed by the futures it yields. */
export class Task<T> extends Future<T> {
  readonly #coro: Coroutine<T>;
  #waiting: Future<unknown> | undefined;
  #mustCancel = false;

  constructor(loop: MiniLoop, coro: Coroutine<T>) {
    super(loop);
    this.#coro = coro;
    loop.callSoon(() => this.#step(false, undefined));
  }

  override cancel(): boolean {
    if (this.done()) return false;
    if (this.#waiting?.cancel()) return true; // its callback throws CancelledError into us
    this.#mustCancel = true;
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
      if (error instanceof CancelledError) super.cancel();
      else this.setException(error);
      return;
    }
    if (step.done) {
      this.setResult(step.value);
      return;
    }
    const future = step.value;
    this.#waiting = future;
    future.addDoneCallback((f) => {
      let value: unknown;
      try {
        value = f.result();
      } catch (error) {
        this.#step(true, error);
        return;
      }
      this.#step(false, value);
    });
  }
}

/** A future that is done `ms` later on the loop's clock. */
export function sleep(loop: MiniLoop, ms: number): Future<void> {
  const future = new Future<void>(loop);
  loop.callLater(ms, () => {
    if (!future.done()) future.setResult(undefined);
  });
  return future;
}
