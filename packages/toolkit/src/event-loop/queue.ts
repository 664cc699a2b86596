/**
 * `Queue` for tasks of an {@link EventLoop} (asyncio's `Queue`): FIFO, optionally bounded,
 * with `taskDone`/`join` to wait until every item was processed.
 *
 * @module
 */
import { Deque } from '../internal/deque.ts';
import { InvalidStateError, QueueEmptyError, QueueFullError } from '../coordination/errors.ts';
import type { EventLoop } from './event-loop.ts';
import { Event } from './event.ts';
import type { Coroutine, Future } from './future.ts';
import { boundLoop } from './loop-bound.ts';

/** Options of {@link Queue}. */
export interface LoopQueueOptions {
  /** Most items it holds; `put` waits when full. 0 (default) means unbounded. */
  readonly maxSize?: number;
}

/** Wakes the first waiter that is not done (cancelled ones are skipped). */
function wakeUpNext(waiters: Set<Future<void>>): void {
  for (const waiter of waiters) {
    waiters.delete(waiter);
    if (!waiter.done()) {
      waiter.setResult(undefined);
      return;
    }
  }
}

/**
 * A FIFO queue between tasks on one loop. `put` waits while a bounded queue is full, `get`
 * while it is empty, each woken in FIFO order; `taskDone()` after processing an item and
 * `join()` waits until every item put was processed.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * const queue = new aio.Queue<number>({ maxSize: 2 });
 * const seen: number[] = [];
 * function* consumer(): aio.Coroutine<void> {
 *   for (;;) {
 *     seen.push(yield* queue.get());
 *     yield aio.sleep(1);
 *     queue.taskDone();
 *   }
 * }
 * await loop.runUntilComplete((function* () {
 *   const worker = loop.createTask(consumer());
 *   for (let i = 0; i < 5; i++) yield* queue.put(i);
 *   yield* queue.join();
 *   worker.cancel();
 * })());
 * console.log(seen); // [0, 1, 2, 3, 4]
 * ```
 */
export class Queue<T> {
  readonly #bound: { loop: EventLoop | undefined } = { loop: undefined };
  readonly #items = new Deque<T>();
  readonly #getters = new Set<Future<void>>();
  readonly #putters = new Set<Future<void>>();
  readonly #finished = new Event();
  readonly #maxSize: number;
  #unfinished = 0;

  constructor(options: LoopQueueOptions = {}) {
    const maxSize = options.maxSize ?? 0;
    if (!Number.isInteger(maxSize) || maxSize < 0) throw new RangeError(`Queue(options): options.maxSize must be an integer ≥ 0 (0 = unbounded), got ${String(maxSize)}`);
    this.#maxSize = maxSize;
    this.#finished.set();
  }

  /** Items in the queue. */
  get size(): number {
    return this.#items.size;
  }

  /** The bound (0 = unbounded). */
  get maxSize(): number {
    return this.#maxSize;
  }

  empty(): boolean {
    return this.#items.size === 0;
  }

  full(): boolean {
    return this.#maxSize > 0 && this.#items.size >= this.#maxSize;
  }

  /** Inside a task: `yield* queue.put(item)` — waits while the queue is full. */
  *put(item: T): Coroutine<void> {
    while (this.full()) {
      const putter = boundLoop(this.#bound, 'Queue').createFuture<void>();
      this.#putters.add(putter);
      try {
        yield* putter;
      } catch (error) {
        putter.cancel();
        this.#putters.delete(putter);
        if (!this.full() && !putter.cancelled()) wakeUpNext(this.#putters); // woken, cannot take it: pass it on
        throw error;
      }
    }
    this.putNowait(item);
  }

  /** Adds an item now; throws {@link QueueFullError} if the queue is full. */
  putNowait(item: T): void {
    if (this.full()) throw new QueueFullError();
    this.#items.push(item);
    this.#unfinished++;
    this.#finished.clear();
    wakeUpNext(this.#getters);
  }

  /** Inside a task: `const item = yield* queue.get()` — waits while the queue is empty. */
  *get(): Coroutine<T> {
    while (this.empty()) {
      const getter = boundLoop(this.#bound, 'Queue').createFuture<void>();
      this.#getters.add(getter);
      try {
        yield* getter;
      } catch (error) {
        getter.cancel();
        this.#getters.delete(getter);
        if (!this.empty() && !getter.cancelled()) wakeUpNext(this.#getters);
        throw error;
      }
    }
    return this.getNowait();
  }

  /** Takes an item now; throws {@link QueueEmptyError} if there is none. */
  getNowait(): T {
    if (this.empty()) throw new QueueEmptyError();
    const item = this.#items.shift();
    wakeUpNext(this.#putters);
    return item;
  }

  /** Marks one item taken with `get` as processed. Throws if called more often than items were put. */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new InvalidStateError('Queue.taskDone(): called more times than there were items');
    this.#unfinished--;
    if (this.#unfinished === 0) this.#finished.set();
  }

  /** Inside a task: `yield* queue.join()` — waits until every item put was marked done. */
  *join(): Coroutine<void> {
    if (this.#unfinished > 0) yield* this.#finished.wait();
  }
}
