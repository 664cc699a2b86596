/**
 * `Queue`: a FIFO queue for producers and consumers (asyncio's `Queue`, Python 3.13).
 *
 * @module
 */
import { Deque } from '../internal/deque.ts';
import { QueueEmptyError, QueueFullError, QueueShutDownError } from './errors.ts';
import { WaiterQueue, describe, readSignal } from '../internal/waiter-queue.ts';
import { checkCount } from '../internal/check.ts';

/** Options of the {@link Queue} constructor. */
export interface QueueOptions {
  /**
   * How many items it holds before `put()` waits: a positive integer, or `Infinity` for
   * no bound. Default: `Infinity`. (asyncio spells "unbounded" `maxsize=0`; here 0 is an
   * error — for a hand-over with no buffer, use a `Channel` with capacity 0.)
   */
  readonly maxSize?: number;
}

/** Options of {@link Queue.put}, {@link Queue.get} and {@link Queue.join}. */
export interface QueueWaitOptions {
  /**
   * Aborting it while the call waits takes the call out of the queue's waiters and rejects
   * it with `signal.reason` (a put's item is then not added); an already aborted signal
   * rejects at once. Default: none.
   */
  readonly signal?: AbortSignal;
}

/** Options of {@link Queue.shutdown}. */
export interface QueueShutdownOptions {
  /**
   * `false`: stop taking items, let consumers drain the rest. `true`: also drop the items
   * still queued (each counts as done for `join()`). Default: `false`.
   */
  readonly immediate?: boolean;
}

/**
 * Where a {@link Queue} keeps its items; the order of `shift()` is the order of the
 * queue. Subclasses provide their own by overriding `createStore` (as
 * {@link PriorityQueue} and {@link LifoQueue} do), like asyncio's `_put`/`_get`.
 *
 * @example
 * ```ts
 * import { Queue } from '@interleave/toolkit';
 * import type { QueueStore } from '@interleave/toolkit';
 *
 * // A queue that hands out the longest string first.
 * class LongestFirst extends Queue<string> {
 *   protected override createStore(): QueueStore<string> {
 *     const items: string[] = [];
 *     return {
 *       get size() { return items.length; },
 *       push(item) { items.push(item); items.sort((a, b) => a.length - b.length); },
 *       shift() { return items.pop()!; },
 *       clear() { items.length = 0; },
 *     };
 *   }
 * }
 * const queue = new LongestFirst();
 * queue.tryPut('ab');
 * queue.tryPut('abcd');
 * console.log(queue.tryGet()); // 'abcd'
 * ```
 */
export interface QueueStore<T> {
  readonly size: number;
  push(item: T): void;
  /** Takes the next item; only called when `size > 0`. */
  shift(): T;
  clear(): void;
}

/**
 * A queue between producers and consumers, with asyncio's semantics:
 *
 * - `put()` waits while the queue holds `maxSize` items (backpressure); `get()` waits
 *   while it is empty. Waiters are served FIFO and items are handed over directly — a
 *   `tryGet()` cannot snatch an item meant for a waiting `get()`.
 * - Every item put counts as unfinished until a consumer calls `taskDone()`; `join()`
 *   resolves when none is unfinished. `taskDone()` called more often than items were put
 *   throws a `RangeError` (asyncio's `ValueError`).
 * - `shutdown()`: puts fail with {@link QueueShutDownError} (blocked ones too); gets drain
 *   what is left, then fail. `shutdown({ immediate: true })` also drops what is left and
 *   counts it as done, so `join()` settles once the taken items are done.
 * - Every wait takes `{ signal }`; promise-returning methods never throw, they reject.
 *
 * @example
 * ```ts
 * import { Queue } from '@interleave/toolkit';
 *
 * const queue = new Queue<number>({ maxSize: 2 });
 * const results: number[] = [];
 * const consumer = (async () => {
 *   for (;;) {
 *     const n = await queue.get().catch(() => undefined); // rejects after shutdown + drain
 *     if (n === undefined) return;
 *     results.push(n * n);
 *     queue.taskDone();
 *   }
 * })();
 * for (const n of [1, 2, 3, 4]) await queue.put(n); // waits while 2 are queued
 * await queue.join(); // every item processed
 * queue.shutdown();
 * await consumer;
 * console.log(results); // [1, 4, 9, 16]
 * ```
 */
export class Queue<T> {
  readonly #store: QueueStore<T>;
  readonly #maxSize: number;
  readonly #getters = new WaiterQueue<T>();
  readonly #putters = new WaiterQueue<void, T>();
  readonly #joiners = new WaiterQueue<void>();
  #unfinished = 0;
  #shutDown = false;

  /** @throws {RangeError} for a `maxSize` out of range; {TypeError} when `options` is no object or `maxSize` no number. */
  constructor(options?: QueueOptions) {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new TypeError(`${new.target.name}: options must be an object or undefined, got ${describe(options)}`);
    }
    const maxSize = options?.maxSize ?? Infinity;
    if (maxSize === 0) {
      throw new RangeError(
        `${new.target.name}: options.maxSize must be an integer from 1 to 2**53 - 1 or Infinity, got 0 (for no bound pass Infinity; for a hand-over without buffer use a Channel)`,
      );
    }
    checkCount(new.target.name, 'options.maxSize', maxSize, { min: 1, infinity: true });
    this.#maxSize = maxSize;
    this.#store = this.createStore(options);
  }

  /**
   * Makes the item store; called once by the constructor, before subclass fields exist.
   * The default is FIFO.
   */
  protected createStore(_options: QueueOptions | undefined): QueueStore<T> {
    return new Deque<T>();
  }

  /** Items in the queue now. */
  get size(): number {
    return this.#store.size;
  }

  /** Whether the queue holds no item (asyncio's `empty()`). */
  get empty(): boolean {
    return this.#store.size === 0;
  }

  /** Whether the queue holds `maxSize` items, so `put()` would wait (asyncio's `full()`). */
  get full(): boolean {
    return this.#store.size >= this.#maxSize;
  }

  /** The bound given to the constructor (`Infinity`: none). */
  get maxSize(): number {
    return this.#maxSize;
  }

  /** Items put and not yet marked done with `taskDone()`. */
  get unfinished(): number {
    return this.#unfinished;
  }

  /** Whether `shutdown()` was called. */
  get isShutDown(): boolean {
    return this.#shutDown;
  }

  /** Pending calls: `get()`s waiting for an item, `put()`s waiting for room, `join()`s. */
  get waiting(): { readonly getters: number; readonly putters: number; readonly joiners: number } {
    return { getters: this.#getters.size, putters: this.#putters.size, joiners: this.#joiners.size };
  }

  /**
   * Adds `item`, waiting for room while the queue is full. Rejects with
   * {@link QueueShutDownError} after `shutdown()` (also when the shutdown comes while it
   * waits).
   */
  put(item: T, options?: QueueWaitOptions): Promise<void> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, `${this.constructor.name}.put()`);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#shutDown) return Promise.reject(new QueueShutDownError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#putNow(item)) return Promise.resolve();
    return this.#putters.wait(item, signal);
  }

  /**
   * Adds `item` if there is room now.
   *
   * @throws {QueueFullError} when full; {QueueShutDownError} after `shutdown()`.
   */
  tryPut(item: T): void {
    if (this.#shutDown) throw new QueueShutDownError();
    if (!this.#putNow(item)) throw new QueueFullError();
  }

  /**
   * Takes the next item, waiting while the queue is empty. After `shutdown()` it still
   * takes what is left, then rejects with {@link QueueShutDownError}.
   */
  get(options?: QueueWaitOptions): Promise<T> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, `${this.constructor.name}.get()`);
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#store.size > 0) return Promise.resolve(this.#takeNow());
    if (this.#shutDown) return Promise.reject(new QueueShutDownError());
    return this.#getters.wait(undefined, signal);
  }

  /**
   * Takes the next item if there is one.
   *
   * @throws {QueueEmptyError} when empty; {QueueShutDownError} when empty after `shutdown()`.
   */
  tryGet(): T {
    if (this.#store.size > 0) return this.#takeNow();
    throw this.#shutDown ? new QueueShutDownError() : new QueueEmptyError();
  }

  /**
   * Marks one taken item as processed; `join()` resolves when every item put is.
   *
   * @throws {RangeError} when called more often than items were put.
   */
  taskDone(): void {
    if (this.#unfinished <= 0) {
      throw new RangeError(`${this.constructor.name}.taskDone(): called more times than items were put`);
    }
    if (--this.#unfinished === 0) this.#joiners.drain((waiter) => waiter.resolve());
  }

  /** Resolves once every item put has been marked with `taskDone()` (at once if so). */
  join(options?: QueueWaitOptions): Promise<void> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, `${this.constructor.name}.join()`);
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#unfinished === 0) return Promise.resolve();
    return this.#joiners.wait(undefined, signal);
  }

  /**
   * Shuts the queue down (Python 3.13's `Queue.shutdown`): every pending and later `put()`
   * rejects with {@link QueueShutDownError}; `get()`s take what is left, then reject with
   * it. With `{ immediate: true }` the items left are dropped and counted as done, so
   * `join()` resolves once the items already taken are done. Calling it again is allowed
   * (an immediate call after a plain one still drops the items).
   *
   * @example
   * ```ts
   * import { Queue, QueueShutDownError } from '@interleave/toolkit';
   * const queue = new Queue<string>();
   * queue.tryPut('last');
   * queue.shutdown();
   * console.log(await queue.get()); // 'last'
   * await queue.get().catch((e: unknown) => console.log(e instanceof QueueShutDownError)); // true
   * ```
   */
  shutdown(options?: QueueShutdownOptions): void {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new TypeError(`${this.constructor.name}.shutdown(): options must be an object or undefined, got ${describe(options)}`);
    }
    const immediate = options?.immediate ?? false;
    if (typeof immediate !== 'boolean') {
      throw new TypeError(`${this.constructor.name}.shutdown(): options.immediate must be a boolean, got ${describe(immediate)}`);
    }
    this.#shutDown = true;
    if (immediate) {
      const dropped = this.#store.size;
      this.#store.clear();
      this.#unfinished = Math.max(0, this.#unfinished - dropped);
      if (this.#unfinished === 0) this.#joiners.drain((waiter) => waiter.resolve());
    }
    // Waiting getters exist only while the queue is empty: they can never get an item now.
    this.#getters.drain((waiter) => waiter.reject(new QueueShutDownError()));
    this.#putters.drain((waiter) => waiter.reject(new QueueShutDownError()));
  }

  /** Puts `item` if there is room: straight to the first waiting getter, else the store. */
  #putNow(item: T): boolean {
    if (this.#store.size >= this.#maxSize) return false;
    this.#unfinished++;
    // A waiting getter means the store is empty, so `item` would be next in any order.
    const getter = this.#getters.shift();
    if (getter !== undefined) getter.resolve(item);
    else this.#store.push(item);
    return true;
  }

  /** Takes the next item (the store is not empty) and lets the first waiting putter in. */
  #takeNow(): T {
    const item = this.#store.shift();
    const putter = this.#putters.shift();
    if (putter !== undefined) {
      this.#unfinished++;
      this.#store.push(putter.payload);
      putter.resolve();
    }
    return item;
  }
}
