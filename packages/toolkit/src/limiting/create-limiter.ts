/**
 * `createLimiter(concurrency)`: run at most `concurrency` async functions at once; the
 * rest wait in a first-in, first-out queue. p-limit's shape, plus cancellation.
 *
 * @module
 */
import { AsyncResource } from 'node:async_hooks';
import { checkCount, checkFunction, checkSignal } from '../internal/check.ts';

/** Options of {@link Limiter.run}. */
export interface LimiterRunOptions {
  /**
   * Aborting it while the call waits in the queue removes the call and rejects it with
   * `signal.reason`; aborting it while the call runs aborts the signal handed to `fn`.
   * Default: none.
   */
  readonly signal?: AbortSignal;
}

/**
 * A concurrency limiter, made by {@link createLimiter}. Call it like a function:
 * `limit(fn, ...args)` runs `fn(...args)` when a slot is free and returns its result.
 */
export interface Limiter {
  /**
   * Runs `fn(...args)` once fewer than `concurrency` calls are active (at once, if a slot
   * is free), and settles like it. A synchronous throw becomes a rejection.
   */
  <A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Promise<Awaited<R>>;
  /**
   * Like calling the limiter, but `fn` receives an `AbortSignal` and the call can be
   * cancelled through `options.signal`: while queued it leaves the queue and rejects with
   * `signal.reason`; while running, `fn`'s signal is aborted and the call rejects with
   * `signal.reason` at once — its slot stays taken until `fn` has really settled, so the
   * limit holds even for work that ignores its signal.
   */
  run<R>(fn: (signal: AbortSignal) => R | PromiseLike<R>, options?: LimiterRunOptions): Promise<Awaited<R>>;
  /** Calls running now. */
  readonly activeCount: number;
  /** Calls waiting in the queue. */
  readonly pendingCount: number;
  /**
   * The limit. Raising it starts queued calls at once; lowering it lets running calls
   * finish and starts no new one until fewer than the new limit run.
   */
  concurrency: number;
  /**
   * Rejects every queued call with a {@link LimiterClearedError} and empties the queue.
   * Running calls are not affected.
   */
  clearQueue(): void;
}

/**
 * The rejection of a call that was still queued when {@link Limiter.clearQueue} ran.
 *
 * @example
 * ```ts
 * import { createLimiter, LimiterClearedError } from '@interleave/toolkit';
 * const limit = createLimiter(1);
 * void limit(() => new Promise<void>((r) => setTimeout(r, 10)));
 * const queued = limit(() => 'never runs');
 * limit.clearQueue();
 * await queued.catch((e: unknown) => console.log(e instanceof LimiterClearedError)); // true
 * ```
 */
export class LimiterClearedError extends Error {
  override readonly name = 'LimiterClearedError';
  constructor(message = 'The limiter queue was cleared before this call started') {
    super(message);
  }
}

/**
 * A queued call. One class for both kinds so every node has the same shape (monomorphic,
 * fast): a plain call keeps `fn` and `args`; a `run()` call keeps its own `start`. `scope`
 * is the async context of the caller (its AsyncLocalStorage stores): the call runs in it
 * when a slot frees, not in the context of the call that freed the slot.
 */
class Pending {
  prev: Pending | undefined = undefined;
  next: Pending | undefined = undefined;
  readonly scope = new AsyncResource('Limiter');
  readonly fn: ((...args: never[]) => unknown) | undefined;
  readonly args: unknown[] | undefined;
  readonly start: (() => void) | undefined;
  readonly resolve: ((value: unknown) => void) | undefined;
  readonly reject: (reason: unknown) => void;
  constructor(
    fn: ((...args: never[]) => unknown) | undefined,
    args: unknown[] | undefined,
    start: (() => void) | undefined,
    resolve: ((value: unknown) => void) | undefined,
    reject: (reason: unknown) => void,
  ) {
    this.fn = fn;
    this.args = args;
    this.start = start;
    this.resolve = resolve;
    this.reject = reject;
  }
}

/**
 * One abort listener per signal, shared by every `run()` call (of any limiter) that
 * passed it, instead of one listener per call: Node's EventTarget walks its whole list of
 * listeners on each `addEventListener` (to refuse duplicates) and on each
 * `removeEventListener`, so n calls sharing one signal would cost O(n²) to queue and to
 * abort. Here both are O(n): a Set per signal, in call order.
 */
interface Watch {
  readonly calls: Set<() => void>;
  readonly listener: () => void;
}
const watches = new WeakMap<AbortSignal, Watch>();

function watch(signal: AbortSignal, onAbort: () => void): void {
  let entry = watches.get(signal);
  if (entry === undefined) {
    const calls = new Set<() => void>();
    const listener = (): void => {
      watches.delete(signal);
      // Calls that settle meanwhile leave the Set; deleting during iteration is safe.
      for (const call of calls) call();
      calls.clear();
    };
    entry = { calls, listener };
    watches.set(signal, entry);
    signal.addEventListener('abort', listener, { once: true });
  }
  entry.calls.add(onAbort);
}

function unwatch(signal: AbortSignal, onAbort: () => void): void {
  const entry = watches.get(signal);
  if (entry === undefined || !entry.calls.delete(onAbort) || entry.calls.size > 0) return;
  // The last call on this signal settled: no listener stays behind on it.
  watches.delete(signal);
  signal.removeEventListener('abort', entry.listener);
}

/** Calls `fn(...args)` and returns its outcome as a promise; a synchronous throw becomes a rejection. */
function invoke(fn: (...args: never[]) => unknown, args: unknown[]): Promise<unknown> {
  try {
    // Promise.resolve returns a native promise unchanged, and adopts other thenables.
    return Promise.resolve(fn(...(args as never[])));
  } catch (error) {
    return Promise.reject(error);
  }
}

function checkConcurrency(value: unknown): number {
  return checkCount('createLimiter', 'concurrency', value, { min: 1, infinity: true });
}

/**
 * Creates a {@link Limiter} that runs at most `concurrency` calls at once, first in,
 * first out.
 *
 * @param concurrency An integer from 1 to 2⁵³−1, or `Infinity`.
 * @throws {TypeError} when `concurrency` is not a number; {RangeError} when it is not an
 *   integer from 1 to 2⁵³−1 or `Infinity`.
 *
 * @example
 * ```ts
 * import { createLimiter } from '@interleave/toolkit';
 *
 * const limit = createLimiter(2);
 * let running = 0;
 * let peak = 0;
 * const work = async (n: number) => {
 *   peak = Math.max(peak, ++running);
 *   await new Promise((r) => setTimeout(r, 1));
 *   running--;
 *   return n * 2;
 * };
 * const doubled = await Promise.all([1, 2, 3, 4, 5].map((n) => limit(work, n)));
 * console.log(doubled, peak); // [2, 4, 6, 8, 10] 2
 *
 * // Cancellable work: fn receives a signal.
 * const controller = new AbortController();
 * const call = limit.run((signal) => new Promise((_, reject) => {
 *   signal.addEventListener('abort', () => reject(signal.reason), { once: true });
 * }), { signal: controller.signal });
 * controller.abort(new Error('stop'));
 * await call.catch((e: Error) => console.log(e.message)); // "stop"
 * ```
 */
export function createLimiter(concurrency: number): Limiter {
  let limit = checkConcurrency(concurrency);
  let active = 0;
  let pending = 0;
  // A doubly-linked FIFO: O(1) to append, to take the head, and to unlink an aborted call.
  let head: Pending | undefined;
  let tail: Pending | undefined;

  function enqueue(node: Pending): void {
    node.prev = tail;
    if (tail === undefined) head = node;
    else tail.next = node;
    tail = node;
    pending++;
  }

  function unlink(node: Pending): void {
    if (node.prev === undefined) head = node.next;
    else node.prev.next = node.next;
    if (node.next === undefined) tail = node.prev;
    else node.next.prev = node.prev;
    node.prev = node.next = undefined;
    pending--;
  }

  // Called when a running call settles: its slot goes straight to the oldest waiter.
  function release(): void {
    active--;
    fill();
  }

  function passValue<T>(value: T): T {
    release();
    return value;
  }

  function passError(error: unknown): never {
    release();
    throw error;
  }

  function fill(): void {
    while (active < limit && head !== undefined) {
      const node = head;
      unlink(node);
      active++;
      if (node.start !== undefined) {
        node.scope.runInAsyncScope(node.start);
      } else {
        node.resolve!(node.scope.runInAsyncScope(invoke, undefined, node.fn!, node.args!).then(passValue, passError));
      }
    }
  }

  function limiter<A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Promise<Awaited<R>> {
    try {
      checkFunction('limit', 'fn', fn);
    } catch (error) {
      return Promise.reject(error);
    }
    if (active < limit && head === undefined) {
      // A free slot: run now. passValue/passError are shared by all calls (no closure per
      // call); they free the slot once the work has settled and pass its outcome on, so a
      // failure nobody handles is still reported as an unhandled rejection.
      active++;
      return invoke(fn as (...args: never[]) => unknown, args).then(passValue, passError) as Promise<Awaited<R>>;
    }
    return new Promise<Awaited<R>>((resolve, reject) => {
      enqueue(new Pending(fn as (...args: never[]) => unknown, args, undefined, resolve as (value: unknown) => void, reject));
    });
  }

  function run<R>(fn: (signal: AbortSignal) => R | PromiseLike<R>, options: LimiterRunOptions = {}): Promise<Awaited<R>> {
    const { signal } = options;
    try {
      checkFunction('limit.run', 'fn', fn);
      checkSignal('limit.run', 'options.signal', signal);
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Awaited<R>>((resolve, reject) => {
      // Each call gets its own controller, so listeners that fn adds die with the call.
      const controller = new AbortController();
      let node: Pending | undefined;
      let settled = false;
      const settle = (ok: boolean, value: unknown): void => {
        if (settled) return;
        settled = true;
        if (signal !== undefined) unwatch(signal, onAbort);
        if (ok) resolve(value as Awaited<R>);
        else reject(value);
      };
      const onAbort = (): void => {
        if (node !== undefined) {
          // Still queued: leave the queue first, then reject — no zombie waiter.
          unlink(node);
          node = undefined;
        } else {
          controller.abort(signal!.reason);
        }
        settle(false, signal!.reason);
      };
      const start = (): void => {
        node = undefined;
        let result: R | PromiseLike<R>;
        try {
          result = fn(controller.signal);
        } catch (error) {
          release();
          settle(false, error);
          return;
        }
        Promise.resolve(result).then(
          (value) => {
            release();
            settle(true, value);
          },
          (error: unknown) => {
            release();
            settle(false, error);
          },
        );
      };
      if (signal !== undefined) watch(signal, onAbort);
      if (active < limit && head === undefined) {
        active++;
        start();
      } else {
        node = new Pending(undefined, undefined, start, undefined, (reason) => {
          node = undefined;
          settle(false, reason);
        });
        enqueue(node);
      }
    });
  }

  function clearQueue(): void {
    const error = new LimiterClearedError();
    // Detach the whole list first, so a rejection handler that calls the limiter again
    // queues behind nothing stale.
    let node = head;
    head = tail = undefined;
    pending = 0;
    while (node !== undefined) {
      const next = node.next;
      node.prev = node.next = undefined;
      node.reject(error);
      node = next;
    }
  }

  Object.defineProperties(limiter, {
    activeCount: { get: () => active, enumerable: true },
    pendingCount: { get: () => pending, enumerable: true },
    concurrency: {
      get: () => limit,
      set: (value: number) => {
        limit = checkConcurrency(value);
        fill();
      },
      enumerable: true,
    },
    run: { value: run, enumerable: true },
    clearQueue: { value: clearQueue, enumerable: true },
  });
  return limiter as Limiter;
}
