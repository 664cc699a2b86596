/**
 * `EventLoop`: asyncio's event loop on generators. One iteration (`runOnce`) does what
 * CPython's `BaseEventLoop._run_once` does:
 *
 * 1. drop cancelled timers — from the top of the heap, or by rebuilding the heap when more
 *    than half of more than 100 timers are cancelled;
 * 2. wait for I/O: not at all if callbacks are ready, until the next timer otherwise (the
 *    virtual clock jumps there; the real one sleeps on a Node timer or until the bridge,
 *    `callSoonThreadsafe`, wakes it);
 * 3. move every due timer to the ready queue, in `(when, seq)` order;
 * 4. run the callbacks that were ready when this step began — callbacks they schedule run in
 *    the next iteration, so no chain of `callSoon`s can starve timers or I/O.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { InvalidStateError } from '../coordination/errors.ts';
import { Future, setLoopHooks } from './future.ts';
import type { Awaitable, Coroutine } from './future.ts';
import { Handle, TimerHandle, runHandle, unschedule } from './handle.ts';
import type { CallOptions, TimerOwner } from './handle.ts';
import type { LoopRecorder } from './loop-recorder.ts';
import { Task, setTaskHooks } from './task.ts';
import type { TaskOptions } from './task.ts';
import { TimerHeap } from './timer-heap.ts';

/** What an exception handler receives (asyncio's context dict). */
export interface ExceptionContext {
  /** What went wrong, e.g. `Exception in callback tick` or `Task exception was never retrieved`. */
  readonly message: string;
  /** The error, when there is one. */
  readonly error?: unknown;
  /** The callback that threw. */
  readonly handle?: Handle;
  /** The future (or task) whose exception nobody retrieved. */
  readonly future?: Future<unknown>;
}

/** Called with errors that nobody awaited: a callback that threw, a failed future never looked at. */
export type ExceptionHandler = (context: ExceptionContext, loop: EventLoop) => void;

/** Options of {@link EventLoop}. */
export interface EventLoopOptions {
  /**
   * `'virtual'` (default): time starts at 0 and jumps to the next timer when nothing is
   * ready, so sleeping an hour takes no time and every run is identical. `'real'`:
   * `performance.now()`; the loop sleeps on a real timer and runs real I/O.
   */
  readonly clock?: 'virtual' | 'real';
  /** Records every iteration and callback for timelines and the site's step-through view. Default: none. */
  readonly recorder?: LoopRecorder;
  /** Replaces the default exception handler (which writes to `console.error`). */
  readonly onException?: ExceptionHandler;
  /** Guard for the virtual clock: give up after this many iterations. Default `Infinity`. */
  readonly maxIterations?: number;
}

const MIN_SCHEDULED_TIMERS = 100;
const MAX_CANCELLED_FRACTION = 0.5;
/** How often (ms) a busy real-clock loop with I/O in flight gives Node a turn to deliver it. */
const REAL_POLL_INTERVAL_MS = 4;

let runningLoop: EventLoop | undefined;

/**
 * The loop whose callback is running now (asyncio's `get_running_loop`). Throws an
 * {@link InvalidStateError} outside a callback or task.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * loop.callSoon(() => console.log(aio.getRunningLoop() === loop)); // true
 * loop.callSoon(() => loop.stop());
 * await loop.runForever();
 * ```
 */
export function getRunningLoop(): EventLoop {
  if (runningLoop === undefined) throw new InvalidStateError('no running event loop: call this inside a task or a callback of an EventLoop');
  return runningLoop;
}

function checkCallback(method: string, callback: unknown): asserts callback is () => void {
  if (typeof callback !== 'function') throw new TypeError(`${method}: callback must be a function, got ${callback === null ? 'null' : typeof callback}`);
}

function checkTime(method: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${method}: ${name} must be a number of milliseconds, got ${String(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${method}: ${name} must be finite, got ${value}`);
}

function defaultExceptionHandler(context: ExceptionContext): void {
  console.error(`EventLoop: ${context.message}`, ...(context.error === undefined ? [] : [context.error]));
}

/**
 * An asyncio-style event loop: a ready queue, a timer heap, futures and tasks that drive
 * generators.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 *
 * const loop = new EventLoop(); // virtual clock: an hour of sleeping takes no time
 * function* worker(name: string, ms: number): aio.Coroutine<string> {
 *   yield aio.sleep(ms);
 *   console.log(`${name} woke at ${loop.time()} ms`);
 *   return name;
 * }
 * function* main(): aio.Coroutine<string[]> {
 *   return yield* aio.gather(worker('a', 3_600_000), worker('b', 10));
 * }
 * console.log(await loop.runUntilComplete(main())); // b woke at 10 ms, a woke at 3600000 ms, ['a', 'b']
 * loop.close();
 * ```
 */
export class EventLoop implements TimerOwner {
  readonly #virtual: boolean;
  readonly #origin: number;
  #now = 0;
  #ready: Handle[] = [];
  #spare: Handle[] = [];
  readonly #timers = new TimerHeap();
  #cancelledTimers = 0;
  #seq = 0;
  #taskCount = 0;
  #iteration = 0;
  #running = false;
  #stopping = false;
  #closed = false;
  #currentTask: Task<unknown> | undefined;
  #handler: ExceptionHandler | undefined;
  readonly #recorder: LoopRecorder | undefined;
  readonly #maxIterations: number;
  readonly #unretrieved = new Set<Future<unknown>>();
  /** Bridge: operations in flight outside the loop (see `wrapPromise`). */
  #external = 0;
  #wake: (() => void) | undefined;
  #lastPoll = 0;

  constructor(options: EventLoopOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new TypeError(`EventLoop(options): options must be an object, got ${String(options)}`);
    const clock = options.clock ?? 'virtual';
    if (clock !== 'virtual' && clock !== 'real') throw new TypeError(`EventLoop(options): options.clock must be 'virtual' or 'real', got ${JSON.stringify(clock)}`);
    const maxIterations = options.maxIterations ?? Infinity;
    if (typeof maxIterations !== 'number' || !(maxIterations >= 1)) throw new RangeError(`EventLoop(options): options.maxIterations must be ≥ 1, got ${String(maxIterations)}`);
    if (options.onException !== undefined && typeof options.onException !== 'function') {
      throw new TypeError(`EventLoop(options): options.onException must be a function, got ${typeof options.onException}`);
    }
    this.#virtual = clock === 'virtual';
    this.#origin = performance.now();
    this.#recorder = options.recorder;
    this.#maxIterations = maxIterations;
    this.#handler = options.onException;
    this.#recorder?.attach(this);
  }

  /** The loop's clock in milliseconds: virtual time, or real time since the loop was made. */
  time(): number {
    return this.#virtual ? this.#now : performance.now() - this.#origin;
  }

  /** `'virtual'` or `'real'`. */
  get clock(): 'virtual' | 'real' {
    return this.#virtual ? 'virtual' : 'real';
  }

  /** How many iterations (`runOnce`s) have run. */
  get iteration(): number {
    return this.#iteration;
  }

  /** Callbacks waiting in the ready queue. */
  get readyCount(): number {
    return this.#ready.length;
  }

  /** Timers in the heap, cancelled ones not yet dropped included. */
  get timerCount(): number {
    return this.#timers.size;
  }

  /** The task whose step is running, if any. */
  get currentTask(): Task<unknown> | undefined {
    return this.#currentTask;
  }

  /** True between `runForever`/`runUntilComplete` starting and returning. */
  isRunning(): boolean {
    return this.#running;
  }

  /** True after `close()`. */
  isClosed(): boolean {
    return this.#closed;
  }

  /** Schedules `callback` to run in a later iteration, after those already ready (FIFO). */
  callSoon(callback: () => void, options?: CallOptions): Handle {
    checkCallback('callSoon(callback)', callback);
    if (this.#closed) throw new InvalidStateError('callSoon(): the event loop is closed');
    const handle = new Handle(callback, options);
    this.#ready.push(handle);
    return handle;
  }

  /**
   * The bridge for code outside the loop — a socket's `'data'` listener, a `fetch` that
   * settled, a worker's message: schedules `callback` like `callSoon` and wakes a real-clock
   * loop that sleeps waiting for I/O (asyncio's `call_soon_threadsafe`).
   */
  callSoonThreadsafe(callback: () => void, options?: CallOptions): Handle {
    const handle = this.callSoon(callback, options);
    const wake = this.#wake;
    if (wake !== undefined) {
      this.#wake = undefined;
      wake();
    }
    return handle;
  }

  /** Schedules `callback` `delayMs` from now on the loop's clock. Negative delays count as 0. */
  callLater(delayMs: number, callback: () => void, options?: CallOptions): TimerHandle {
    checkTime('callLater(delayMs, callback)', 'delayMs', delayMs);
    checkCallback('callLater(delayMs, callback)', callback);
    if (this.#closed) throw new InvalidStateError('callLater(): the event loop is closed');
    const timer = new TimerHandle(this.time() + (delayMs > 0 ? delayMs : 0), this.#seq++, callback, this, options);
    this.#timers.push(timer);
    return timer;
  }

  /** Schedules `callback` at loop time `when` (ms). Timers due at the same time run in the order they were set. */
  callAt(when: number, callback: () => void, options?: CallOptions): TimerHandle {
    checkTime('callAt(when, callback)', 'when', when);
    checkCallback('callAt(when, callback)', callback);
    if (this.#closed) throw new InvalidStateError('callAt(): the event loop is closed');
    const timer = new TimerHandle(when, this.#seq++, callback, this, options);
    this.#timers.push(timer);
    return timer;
  }

  /** @internal Counts a cancelled timer that is still in the heap. */
  timerCancelled(_timer: TimerHandle): void {
    this.#cancelledTimers++;
  }

  /** A new pending future bound to this loop. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>(this);
  }

  /**
   * Wraps a coroutine (a generator object) in a task and schedules its first step.
   *
   * @example
   * ```ts
   * import { EventLoop } from '@interleave/toolkit';
   * const loop = new EventLoop();
   * const task = loop.createTask((function* () { return 1 + 1; })(), { name: 'sum' });
   * console.log(task.name, await loop.runUntilComplete(task)); // 'sum' 2
   * ```
   */
  createTask<T>(coroutine: Coroutine<T>, options: TaskOptions = {}): Task<T> {
    if (this.#closed) throw new InvalidStateError('createTask(): the event loop is closed');
    if (typeof options !== 'object' || options === null) throw new TypeError(`createTask(coroutine, options): options must be an object, got ${String(options)}`);
    if (options.name !== undefined && typeof options.name !== 'string') throw new TypeError(`createTask(coroutine, options): options.name must be a string, got ${typeof options.name}`);
    return new Task<T>(this, coroutine, options.name ?? `Task-${++this.#taskCount}`);
  }

  /**
   * The bridge for promises: a future of this loop that settles, through
   * `callSoonThreadsafe`, when `promise` does (asyncio's `wrap_future`). While it is in
   * flight the loop knows I/O is pending: it waits for it instead of reporting a deadlock.
   */
  wrapPromise<T>(promise: PromiseLike<T>, options?: CallOptions): Future<T> {
    if (promise === null || typeof (promise as PromiseLike<T> | undefined)?.then !== 'function') {
      throw new TypeError(`wrapPromise(promise): promise must be a promise, got ${String(promise)}`);
    }
    const future = this.createFuture<T>();
    const label = options?.label ?? 'promise settled';
    this.#external++;
    const settle = (ok: boolean, value: unknown): void => {
      this.#external--;
      if (this.#closed) return;
      this.callSoonThreadsafe(() => {
        if (future.done()) return;
        if (ok) future.setResult(value as T);
        else future.setException(value);
      }, { label });
    };
    promise.then((value) => settle(true, value), (error: unknown) => settle(false, error));
    return future;
  }

  /** Sets (or with `undefined` resets to the default) the handler of errors nobody awaited. */
  setExceptionHandler(handler: ExceptionHandler | undefined): void {
    if (handler !== undefined && typeof handler !== 'function') throw new TypeError(`setExceptionHandler(handler): handler must be a function or undefined, got ${typeof handler}`);
    this.#handler = handler;
  }

  /** Reports an error through the exception handler; a handler that throws is reported by the default one. */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this.#handler;
    if (handler === undefined) {
      defaultExceptionHandler(context);
      return;
    }
    try {
      handler(context, this);
    } catch (error) {
      defaultExceptionHandler({ message: 'Unhandled error in the exception handler', error });
      defaultExceptionHandler(context);
    }
  }

  /**
   * Runs until `stop()` is called. Returns a promise: with the virtual clock and no I/O in
   * flight the whole run happens synchronously inside this call. When nothing is ready and
   * no timer is set, a real-clock loop waits for `callSoonThreadsafe` (asyncio blocks in
   * `select` the same way); a virtual-clock loop with no `wrapPromise` in flight rejects
   * with an {@link InvalidStateError} instead, since nothing could ever wake it.
   */
  async runForever(): Promise<void> {
    this.#checkRunnable('runForever()');
    this.#running = true;
    try {
      // Iterations that need no waiting run back to back, synchronously; only a real wait
      // (the real clock, or I/O in flight) leaves this call for Node's loop.
      for (;;) {
        const wait = this.#runUntilWait();
        if (wait === undefined) break;
        await wait;
        this.#runReady();
        if (this.#stopping) break;
      }
    } finally {
      this.#stopping = false;
      this.#running = false;
    }
  }

  /**
   * Runs until `awaitable` is done and returns its result (or rejects with its exception).
   * A generator is wrapped in a task first.
   */
  async runUntilComplete<T>(awaitable: Awaitable<T>): Promise<T> {
    this.#checkRunnable('runUntilComplete()');
    let future: Future<T>;
    if (awaitable instanceof Future) {
      if (awaitable.loop !== this) throw new TypeError('runUntilComplete(awaitable): the future belongs to another loop');
      future = awaitable;
    } else {
      future = this.createTask(awaitable);
    }
    const stopWhenDone = (): void => this.stop();
    future.addDoneCallback(stopWhenDone, { label: 'stop the loop' });
    try {
      await this.runForever();
    } finally {
      future.removeDoneCallback(stopWhenDone);
    }
    if (!future.done()) throw new InvalidStateError('runUntilComplete(): the loop stopped before the future completed');
    return future.result();
  }

  /** Stops `runForever` after the current iteration (asyncio's `stop`). */
  stop(): void {
    this.#stopping = true;
  }

  /**
   * Closes the loop: drops pending callbacks and timers, and reports every failed future
   * whose exception nobody retrieved. Throws if the loop is running; idempotent.
   */
  close(): void {
    if (this.#running) throw new InvalidStateError('close(): cannot close a running event loop');
    if (this.#closed) return;
    for (const future of this.#unretrieved) {
      const kind = future instanceof Task ? 'Task' : 'Future';
      this.callExceptionHandler({ message: `${kind} exception was never retrieved (${future.describe()})`, error: future.exception(), future });
    }
    this.#unretrieved.clear();
    this.#closed = true;
    this.#ready = [];
    this.#spare = [];
    for (const timer of this.#timers.clear()) unschedule(timer);
    this.#cancelledTimers = 0;
    this.#recorder?.detach(this);
  }

  /**
   * One iteration, synchronously (for tests and step-by-step teaching). Throws if it would
   * have to wait for real time or I/O.
   */
  runOnce(): void {
    if (this.#closed) throw new InvalidStateError('runOnce(): the event loop is closed');
    const timeout = this.#prepare();
    if (timeout > 0) {
      if (this.#virtual && this.#timers.size > 0) this.#now = Math.max(this.#now, this.#timers.peek()!.when);
      else if (this.#virtual || timeout === Infinity) throw new InvalidStateError('runOnce(): nothing is ready and no timer is set; it would wait forever');
      else throw new InvalidStateError(`runOnce(): nothing is ready for ${timeout.toFixed(1)} ms; the real clock must wait (use runForever)`);
    }
    this.#runReady();
  }

  #checkRunnable(method: string): void {
    if (this.#closed) throw new InvalidStateError(`${method}: the event loop is closed`);
    if (this.#running) throw new InvalidStateError(`${method}: the event loop is already running`);
    if (runningLoop !== undefined) throw new InvalidStateError(`${method}: called from a callback of a running event loop`);
  }

  /** Step 1 and the timeout of step 2: ms to wait (0 = do not wait, Infinity = until woken). */
  #prepare(): number {
    const timers = this.#timers;
    if (timers.size > MIN_SCHEDULED_TIMERS && this.#cancelledTimers / timers.size > MAX_CANCELLED_FRACTION) {
      timers.filter((t) => !t.cancelled);
      this.#cancelledTimers = 0;
    } else {
      while (timers.size > 0 && timers.peek()!.cancelled) {
        // A cancelled timer is done with its loop: cancel() returns early once cancelled.
        this.#cancelledTimers--;
        timers.pop();
      }
    }
    if (this.#ready.length > 0 || this.#stopping) return 0;
    const next = timers.peek();
    if (next === undefined) return Infinity;
    return Math.max(0, next.when - this.time());
  }

  /**
   * Runs iterations until `stop()` (returns undefined) or until one must wait for real time
   * or I/O: then returns the promise of that wait, after which the caller runs the rest of
   * that iteration (`#runReady`).
   */
  #runUntilWait(): Promise<void> | undefined {
    for (;;) {
      const timeout = this.#prepare();
      if (timeout > 0) {
        if (this.#virtual && this.#timers.size > 0) {
          this.#now = Math.max(this.#now, this.#timers.peek()!.when); // the virtual clock jumps
        } else if (this.#virtual && this.#external === 0) {
          throw new InvalidStateError(
            'EventLoop: nothing is ready, no timer is set and no I/O is in flight — the loop would wait forever (a future nobody settles? a task waiting for itself?)',
          );
        } else {
          return this.#sleep(timeout);
        }
      } else if (!this.#virtual && this.#external > 0 && this.time() - this.#lastPoll >= REAL_POLL_INTERVAL_MS) {
        // Busy with ready callbacks while I/O is in flight: give Node one turn to deliver it
        // (asyncio polls its selector with timeout 0 in every iteration).
        this.#lastPoll = this.time();
        return new Promise<void>((resolve) => setImmediate(resolve));
      }
      this.#runReady();
      if (this.#stopping) return undefined;
    }
  }

  /** Waits until `ms` pass (real clock) or the bridge wakes the loop, whichever is first. */
  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        this.#wake = undefined;
        this.#lastPoll = this.time();
        resolve();
      };
      this.#wake = done;
      if (ms !== Infinity) timer = setTimeout(done, Math.ceil(ms));
    });
  }

  /** Steps 3 and 4: due timers to the ready queue, then run the snapshot. */
  #runReady(): void {
    if (++this.#iteration > this.#maxIterations) {
      throw new InvalidStateError(`EventLoop: more than ${this.#maxIterations} iterations (options.maxIterations); a task that never ends?`);
    }
    const timers = this.#timers;
    const endTime = this.#virtual ? this.#now : this.time() + 1; // real clock: 1 ms resolution, like Node's timers
    while (timers.size > 0 && timers.peek()!.when <= endTime) {
      const timer = timers.pop();
      if (timer.cancelled) this.#cancelledTimers--;
      else {
        unschedule(timer);
        this.#ready.push(timer);
      }
    }
    // Swap in an empty queue: what the callbacks schedule now waits for the next iteration.
    const todo = this.#ready;
    this.#ready = this.#spare;
    const recorder = this.#recorder;
    recorder?.beginIteration(this, todo);
    const previous = runningLoop;
    runningLoop = this;
    try {
      for (let i = 0; i < todo.length; i++) {
        const handle = todo[i]!;
        if (handle.cancelled) continue;
        if (recorder !== undefined) recorder.beforeCallback(this, handle, todo.slice(i + 1));
        try {
          runHandle(handle);
        } catch (error) {
          this.callExceptionHandler({ message: `Exception in callback ${handle.label}`, error, handle });
        }
        if (recorder !== undefined) recorder.afterCallback(this, handle, todo.slice(i + 1));
      }
    } finally {
      runningLoop = previous;
      todo.length = 0;
      this.#spare = todo;
    }
    recorder?.endIteration(this);
  }

  /** Labels of the ready queue and the live timers in order (for the recorder). */
  snapshot(): { ready: string[]; timers: { when: number; label: string }[] } {
    return {
      ready: this.#ready.filter((h) => !h.cancelled).map((h) => h.label),
      timers: this.#timers.sorted().filter((t) => !t.cancelled).map((t) => ({ when: t.when, label: t.label })),
    };
  }

  static {
    setLoopHooks({
      unretrieved(loop, future, failed) {
        if (failed) loop.#unretrieved.add(future);
        else loop.#unretrieved.delete(future);
      },
    });
    setTaskHooks({
      enter(loop, task) {
        const previous = loop.#currentTask;
        loop.#currentTask = task;
        return previous;
      },
      leave(loop, previous) {
        loop.#currentTask = previous;
      },
    });
  }
}

