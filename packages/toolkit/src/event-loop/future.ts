/**
 * `Future`: a result that will exist later, bound to one {@link EventLoop} (asyncio's
 * `Future`). Its done-callbacks are *scheduled* on the loop with `callSoon` when it
 * settles — never called inline — so whoever settles a future finishes its own step first.
 *
 * @module
 */
import { CancelledError, InvalidStateError } from '../coordination/errors.ts';
import type { EventLoop } from './event-loop.ts';
import type { CallOptions } from './handle.ts';

/** What a task may `yield`: a future to wait for, a `sleep(ms)`, or nothing (give way once). */
export type Yieldable = Future<unknown> | SleepRequest | undefined;

/**
 * A coroutine on the loop: a generator that yields {@link Yieldable}s and returns `T`.
 * Use `yield*` on a future or a helper (`gather`, `waitFor`) to get a typed result.
 */
export type Coroutine<T = unknown> = Generator<Yieldable, T, unknown>;

/** Something a task can wait for: a future (or task), or a coroutine to run as a task. */
export type Awaitable<T> = Future<T> | Coroutine<T>;

/** `sleep(ms)`: yielded by a task, it suspends the task for `ms` on the loop's clock. */
export class SleepRequest {
  /** The delay in ms. */
  readonly ms: number;
  constructor(ms: number) {
    this.ms = ms;
  }
  /** So that `yield* sleep(ms)` works as well as `yield sleep(ms)`. */
  *[Symbol.iterator](): Coroutine<void> {
    yield this;
  }
}

type State = 'pending' | 'fulfilled' | 'rejected' | 'cancelled';

/** Internal bookkeeping hooks of the loop used by futures (not re-exported). */
export let loopHooks: {
  unretrieved(loop: EventLoop, future: Future<unknown>, failed: boolean): void;
};
export function setLoopHooks(hooks: typeof loopHooks): void {
  loopHooks = hooks;
}

/**
 * A result that will exist later. Settle it with `setResult`, `setException` or `cancel`;
 * wait for it in a task with `yield future` (untyped) or `const v = yield* future` (typed).
 *
 * @example
 * ```ts
 * import { EventLoop } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const answer = loop.createFuture<number>();
 * loop.callLater(10, () => answer.setResult(42));
 * console.log(await loop.runUntilComplete(answer)); // 42
 * ```
 */
export class Future<T = unknown> {
  /** The loop whose `callSoon` runs this future's callbacks. */
  readonly loop: EventLoop;
  #state: State = 'pending';
  #value: T | undefined;
  #error: unknown;
  #cancelMessage: string | undefined;
  // Typed loosely so that Future<string> stays assignable to Future<unknown>.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  #callbacks: ((future: Future<any>) => void)[] = [];
  #labels: (string | undefined)[] = [];

  constructor(loop: EventLoop) {
    this.loop = loop;
  }

  /** True once it has a result, an exception, or was cancelled. */
  done(): boolean {
    return this.#state !== 'pending';
  }

  /** True if it was cancelled. */
  cancelled(): boolean {
    return this.#state === 'cancelled';
  }

  /**
   * The result; throws the exception it was settled with, a {@link CancelledError} if it
   * was cancelled, or an {@link InvalidStateError} if it is not done yet.
   */
  result(): T {
    switch (this.#state) {
      case 'fulfilled':
        return this.#value as T;
      case 'rejected':
        loopHooks.unretrieved(this.loop, this as Future<unknown>, false);
        throw this.#error;
      case 'cancelled':
        throw this.cancelledError();
      default:
        throw new InvalidStateError(`${this.describe()}: result() called before the future is done`);
    }
  }

  /** The exception it failed with, or undefined; throws like `result()` if cancelled or pending. */
  exception(): unknown {
    if (this.#state === 'cancelled') throw this.cancelledError();
    if (this.#state === 'pending') throw new InvalidStateError(`${this.describe()}: exception() called before the future is done`);
    if (this.#state === 'rejected') loopHooks.unretrieved(this.loop, this as Future<unknown>, false);
    return this.#state === 'rejected' ? this.#error : undefined;
  }

  /** Settles it with a value and schedules its callbacks. Throws {@link InvalidStateError} if done. */
  setResult(value: T): void {
    if (this.#state !== 'pending') throw new InvalidStateError(`${this.describe()}: setResult() on a future that is already ${this.#state}`);
    this.#value = value;
    this.#state = 'fulfilled';
    this.#scheduleCallbacks();
  }

  /** Settles it with an exception and schedules its callbacks. Throws {@link InvalidStateError} if done. */
  setException(error: unknown): void {
    if (this.#state !== 'pending') throw new InvalidStateError(`${this.describe()}: setException() on a future that is already ${this.#state}`);
    this.#error = error;
    this.#state = 'rejected';
    loopHooks.unretrieved(this.loop, this as Future<unknown>, true);
    this.#scheduleCallbacks();
  }

  /** Cancels it if pending and schedules its callbacks; returns whether it did. */
  cancel(msg?: string): boolean {
    if (this.#state !== 'pending') return false;
    this.#state = 'cancelled';
    this.#cancelMessage = msg;
    this.#scheduleCallbacks();
    return true;
  }

  /**
   * Calls `callback(future)` once it is done — through the loop's `callSoon`, also when it is
   * done already. Never inline.
   */
  addDoneCallback(callback: (future: Future<T>) => void, options?: CallOptions): void {
    if (typeof callback !== 'function') throw new TypeError(`addDoneCallback(callback): callback must be a function, got ${typeof callback}`);
    if (this.#state === 'pending') {
      this.#callbacks.push(callback);
      this.#labels.push(options?.label);
    } else {
      this.loop.callSoon(() => callback(this), { label: options?.label ?? `${callback.name || 'done callback'} ← ${this.describe()}` });
    }
  }

  /** Removes every registration of `callback`; returns how many were removed. */
  removeDoneCallback(callback: (future: Future<T>) => void): number {
    const before = this.#callbacks.length;
    this.#labels = this.#labels.filter((_, i) => this.#callbacks[i] !== callback);
    this.#callbacks = this.#callbacks.filter((c) => c !== callback);
    return before - this.#callbacks.length;
  }

  /** Lets a task write `const value = yield* future`: suspends until done, then returns `result()`. */
  *[Symbol.iterator](): Coroutine<T> {
    if (this.#state === 'pending') yield this as Future<unknown>;
    return this.result();
  }

  /** A short name for messages and traces. */
  describe(): string {
    return 'Future';
  }

  /** The error a cancelled future raises (with the message given to `cancel`). */
  protected cancelledError(): CancelledError {
    return this.#cancelMessage === undefined ? new CancelledError() : new CancelledError(this.#cancelMessage);
  }

  #scheduleCallbacks(): void {
    const callbacks = this.#callbacks;
    if (callbacks.length === 0) return;
    const labels = this.#labels;
    this.#callbacks = [];
    this.#labels = [];
    for (let i = 0; i < callbacks.length; i++) {
      const callback = callbacks[i]!;
      this.loop.callSoon(() => callback(this), { label: labels[i] ?? `${callback.name || 'done callback'} ← ${this.describe()}` });
    }
  }
}
