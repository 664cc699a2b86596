/**
 * `TaskGroup`: structured concurrency after Trio's nurseries and asyncio's `TaskGroup` —
 * tasks spawned into a group cannot outlive it, and one failure cancels the rest.
 *
 * @module
 */

/** Options of {@link TaskGroup}. */
export interface TaskGroupOptions {
  /**
   * Aborting it aborts the group (every child's signal, with the same reason); `join()`
   * then rejects with `signal.reason` unless some child really failed. Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * The rejection of {@link TaskGroup.spawn} once the group has finished (its `join()`
 * settled): no new child can join a group that is done.
 *
 * @example
 * ```ts
 * import { TaskGroup, TaskGroupClosedError } from '@interleave/toolkit';
 * const group = new TaskGroup();
 * await group.join();
 * await group.spawn(async () => 1).catch((e: unknown) => console.log(e instanceof TaskGroupClosedError)); // true
 * ```
 */
export class TaskGroupClosedError extends Error {
  override readonly name = 'TaskGroupClosedError';
  constructor(message = 'TaskGroup: cannot spawn into a group whose join() has finished; make a new TaskGroup') {
    super(message);
  }
}

/**
 * A scope for concurrent tasks.
 *
 * - `spawn(fn)` starts `fn(group.signal)` at once and returns its promise (already
 *   handled, so an un-awaited failing child is no unhandled rejection — the group reports it).
 * - The first child that fails aborts `group.signal`, so its siblings stop.
 * - `join()` waits for every child — also those spawned while it waits — then rejects with
 *   an `AggregateError` of the children's failures, if any. A child that rejects with the
 *   group's own abort reason was cancelled, not failed, and is not counted.
 * - The parent `signal` aborts the whole group; `join()` then rejects with its reason
 *   (unless a child really failed: the failures win).
 * - `abort(reason)` cancels the children on purpose; `join()` then resolves, unless a
 *   child really failed.
 * - `await using group = new TaskGroup()` joins at the end of the block. Note that a throw
 *   in the block does not abort the children by itself — call `group.abort()` in a
 *   `catch` for that — and the join error is then combined with the block's error in a
 *   `SuppressedError`.
 * - `spawn` after the group aborted rejects with `group.signal.reason` (a handled
 *   rejection: `join()` reports why the group stopped); after `join()` finished, with
 *   {@link TaskGroupClosedError}.
 *
 * @example
 * ```ts
 * import { TaskGroup } from '@interleave/toolkit';
 *
 * const wait = (ms: number, signal: AbortSignal) => new Promise<void>((resolve, reject) => {
 *   const timer = setTimeout(resolve, ms);
 *   signal.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
 * });
 *
 * const group = new TaskGroup();
 * const fast = group.spawn(async (signal) => { await wait(5, signal); return 'fast'; });
 * group.spawn(async (signal) => { await wait(10, signal); throw new Error('broken'); });
 * group.spawn(async (signal) => { await wait(1000, signal); return 'slow'; }); // aborted at 10 ms
 * try {
 *   await group.join();
 * } catch (error) {
 *   console.log(await fast, (error as AggregateError).errors.map((e: Error) => e.message)); // fast ['broken']
 * }
 * ```
 */
export class TaskGroup implements AsyncDisposable {
  readonly #controller = new AbortController();
  readonly #parent: AbortSignal | undefined;
  readonly #onParentAbort = (): void => this.#abort(this.#parent!.reason);
  readonly #failures: unknown[] = [];
  #running = 0;
  #closed = false;
  #idle: (() => void) | undefined;
  #joined: Promise<void> | undefined;

  constructor(options: TaskGroupOptions = {}) {
    const { signal } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new TypeError(`TaskGroup: options.signal must be an AbortSignal, got ${String(signal)}`);
    }
    this.#parent = signal;
    if (signal?.aborted) this.#abort(signal.reason);
    else signal?.addEventListener('abort', this.#onParentAbort, { once: true });
  }

  /** Aborted when a child fails, the parent signal aborts, or {@link abort} is called. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Children still running. */
  get size(): number {
    return this.#running;
  }

  /**
   * Starts `fn(group.signal)` now and returns its result. Never throws: a bad `fn`, a
   * closed or an aborted group make the returned promise reject.
   */
  spawn<T>(fn: (signal: AbortSignal) => T | PromiseLike<T>): Promise<Awaited<T>> {
    if (typeof fn !== 'function') return Promise.reject(new TypeError(`TaskGroup.spawn: fn must be a function, got ${typeof fn}`));
    if (this.#closed) return Promise.reject(new TaskGroupClosedError());
    const { signal } = this.#controller;
    if (signal.aborted) {
      // Expected after a failure or an abort (say, a child spawning a sibling meanwhile):
      // reject, but as a handled promise — join() already reports why the group stopped.
      const refused = Promise.reject(signal.reason);
      refused.catch(() => {});
      return refused;
    }
    this.#running++;
    let promise: Promise<Awaited<T>>;
    try {
      promise = Promise.resolve(fn(signal));
    } catch (error) {
      promise = Promise.reject(error);
    }
    // Our handler marks the promise handled; the caller may still await it.
    promise.then(
      () => this.#settled(),
      (error: unknown) => {
        // Rejecting with the group's own abort reason means "I was cancelled", not "I failed".
        if (!(signal.aborted && error === signal.reason)) {
          this.#failures.push(error);
          if (!signal.aborted) {
            this.#abort(new DOMException('TaskGroup: a sibling task failed', { name: 'AbortError', cause: error }));
          }
        }
        this.#settled();
      },
    );
    return promise;
  }

  /** Aborts every child's signal with `reason` (default: an `AbortError` DOMException). Idempotent. */
  abort(reason: unknown = new DOMException('TaskGroup: aborted', 'AbortError')): void {
    this.#abort(reason);
  }

  /**
   * Waits until every child has settled, then closes the group. Rejects with an
   * `AggregateError` of the children's failures, or with the parent signal's reason if
   * the parent aborted the group. Calling it again returns the same promise.
   */
  join(): Promise<void> {
    this.#joined ??= this.#join();
    return this.#joined;
  }

  /** `await using` support: the same as {@link join}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.join();
  }

  async #join(): Promise<void> {
    // A loop, not one wait: children may spawn siblings while we wait.
    while (this.#running > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    this.#closed = true;
    this.#parent?.removeEventListener('abort', this.#onParentAbort);
    if (this.#failures.length > 0) {
      const n = this.#failures.length;
      throw new AggregateError(this.#failures, `TaskGroup: ${n} task${n === 1 ? '' : 's'} failed`);
    }
    if (this.#parent?.aborted && this.signal.reason === this.#parent.reason) throw this.#parent.reason;
  }

  #abort(reason: unknown): void {
    if (this.#controller.signal.aborted) return;
    this.#parent?.removeEventListener('abort', this.#onParentAbort);
    this.#controller.abort(reason);
  }

  #settled(): void {
    if (--this.#running === 0 && this.#idle !== undefined) {
      const idle = this.#idle;
      this.#idle = undefined;
      idle();
    }
  }
}
