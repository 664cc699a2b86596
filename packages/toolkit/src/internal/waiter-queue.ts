/**
 * The waiter queue behind every primitive of the toolkit: an intrusive doubly linked list
 * of {@link Waiter}s, so that joining the queue, taking the first waiter and removing an
 * aborted waiter from the middle are all O(1) — no `Array.shift`, no `indexOf`.
 *
 * Private to the toolkit (not re-exported by `mod.ts`).
 *
 * @module
 */

// A shared executor captures `resolve`/`reject` without allocating a closure per waiter
// (Node 20 has no `Promise.withResolvers`). It runs synchronously inside `new Promise`.
let capturedResolve: (value: never) => void = noop;
let capturedReject: (reason: unknown) => void = noop;
// The promise of the waiter made last, handed back by `WaiterQueue.wait` (a field on every
// waiter would cost memory for the whole time it waits, which deep queues feel in GC).
let madePromise: Promise<unknown> = Promise.resolve();
function capture(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}
function noop(): void {}

/**
 * One pending wait: a promise, its settle functions, its place in a {@link WaiterQueue}
 * and its subscription to an `AbortSignal`. It is its own abort listener (`handleEvent`),
 * so a wait with a signal costs no extra closure either.
 */
export class Waiter<T, P = undefined> {
  prev: Waiter<T, P> | undefined = undefined;
  next: Waiter<T, P> | undefined = undefined;
  queue: WaiterQueue<T, P> | undefined = undefined;
  /** Whatever the primitive needs to remember about this wait (an item to put, …). */
  payload: P;
  #resolve: (value: T) => void;
  #reject: (reason: unknown) => void;
  #signal: AbortSignal | undefined;

  constructor(payload: P, signal: AbortSignal | undefined) {
    this.payload = payload;
    madePromise = new Promise<T>(capture);
    this.#resolve = capturedResolve as (value: T) => void;
    this.#reject = capturedReject;
    this.#signal = signal;
    if (signal !== undefined) signal.addEventListener('abort', this);
  }

  /** The signal of a wait still pending (undefined once settled, or when it had none). */
  get signal(): AbortSignal | undefined {
    return this.#signal;
  }

  /** Fulfils the wait; the caller has already taken it out of its queue. */
  resolve(value: T): void {
    const signal = this.#signal;
    if (signal !== undefined) {
      this.#signal = undefined;
      signal.removeEventListener('abort', this);
    }
    this.#resolve(value);
  }

  /** Rejects the wait; the caller has already taken it out of its queue. */
  reject(reason: unknown): void {
    const signal = this.#signal;
    if (signal !== undefined) {
      this.#signal = undefined;
      signal.removeEventListener('abort', this);
    }
    this.#reject(reason);
  }

  /** The abort listener: leave the queue first, then reject with the signal's reason. */
  handleEvent(): void {
    const signal = this.#signal;
    if (signal === undefined) return;
    this.#signal = undefined;
    signal.removeEventListener('abort', this);
    const queue = this.queue;
    if (queue !== undefined) {
      queue.remove(this);
      queue.onAbort?.(this);
    }
    this.#reject(signal.reason);
  }
}

/** A FIFO of {@link Waiter}s with O(1) push, shift and removal from anywhere. */
export class WaiterQueue<T, P = undefined> {
  #head: Waiter<T, P> | undefined = undefined;
  #tail: Waiter<T, P> | undefined = undefined;
  #size = 0;
  /** Called after an aborted waiter left this queue, before its promise rejects. */
  onAbort: ((waiter: Waiter<T, P>) => void) | undefined;

  constructor(onAbort?: (waiter: Waiter<T, P>) => void) {
    this.onAbort = onAbort;
  }

  /** How many waiters are queued. */
  get size(): number {
    return this.#size;
  }

  /** The first waiter, left in place. */
  peek(): Waiter<T, P> | undefined {
    return this.#head;
  }

  /** Creates a waiter, queues it last and returns its promise. */
  wait(payload: P, signal: AbortSignal | undefined): Promise<T> {
    this.push(new Waiter<T, P>(payload, signal));
    return madePromise as Promise<T>;
  }

  /** Queues `waiter` last. */
  push(waiter: Waiter<T, P>): void {
    waiter.queue = this;
    waiter.prev = this.#tail;
    waiter.next = undefined;
    if (this.#tail === undefined) this.#head = waiter;
    else this.#tail.next = waiter;
    this.#tail = waiter;
    this.#size++;
  }

  /** Takes the first waiter out of the queue. */
  shift(): Waiter<T, P> | undefined {
    const waiter = this.#head;
    if (waiter === undefined) return undefined;
    const next = waiter.next;
    this.#head = next;
    if (next === undefined) this.#tail = undefined;
    else next.prev = undefined;
    waiter.next = undefined;
    waiter.queue = undefined;
    this.#size--;
    return waiter;
  }

  /** Takes `waiter` out of the queue wherever it is; false when it was not queued here. */
  remove(waiter: Waiter<T, P>): boolean {
    if (waiter.queue !== this) return false;
    const { prev, next } = waiter;
    if (prev === undefined) this.#head = next;
    else prev.next = next;
    if (next === undefined) this.#tail = prev;
    else next.prev = prev;
    waiter.prev = waiter.next = undefined;
    waiter.queue = undefined;
    this.#size--;
    return true;
  }

  /** Empties the queue, oldest first, handing each waiter to `each`. */
  drain(each: (waiter: Waiter<T, P>) => void): void {
    for (let waiter = this.shift(); waiter !== undefined; waiter = this.shift()) each(waiter);
  }
}

// The checks every primitive shares live in check.ts; re-exported here for the waiters' users.
export { describe, readSignal } from './check.ts';
