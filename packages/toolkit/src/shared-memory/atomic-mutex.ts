import { threadId } from 'node:worker_threads';
import { waitAsync } from '../internal/atomics-wait-async.ts';
import { checkMs } from '../internal/check.ts';

/** Options of {@link AtomicMutex}. */
export interface AtomicMutexOptions {
  /**
   * Memory to use: pass another mutex's `buffer` (and `index`) to reach the same lock
   * from another thread. Default: a new `SharedArrayBuffer` of `AtomicMutex.BYTES`.
   */
  buffer?: SharedArrayBuffer;
  /** First of the two 32-bit slots of `buffer` the mutex uses. Default: 0. */
  index?: number;
}

/** Options of {@link AtomicMutex.lock}. */
export interface AtomicMutexLockOptions {
  /** Give up after this many ms with a `TimeoutError` `DOMException`. Default: `Infinity`. */
  timeoutMs?: number;
}

/** Options of {@link AtomicMutex.lockAsync}. */
export interface AtomicMutexLockAsyncOptions extends AtomicMutexLockOptions {
  /** Stop waiting when it aborts, rejecting with `signal.reason`. */
  signal?: AbortSignal;
}

// The lock word (Ulrich Drepper's "Futexes Are Tricky", mutex 2):
const UNLOCKED = 0;
const LOCKED = 1; // held, nobody waiting: unlock need not wake anyone
const CONTENDED = 2; // held, maybe someone waiting: unlock must notify
// The slot after it holds the owner's threadId + 1 (0 = none), to catch misuse.
const STATE = 0;
const OWNER = 1;

/**
 * A mutual-exclusion lock in shared memory for threads: `lock()` blocks the calling
 * thread with `Atomics.wait` (no spinning) until `unlock()` in another thread wakes it
 * with `Atomics.notify`; `lockAsync()` waits with `Atomics.waitAsync` so the main
 * thread's event loop keeps running. Both take a timeout; `lockAsync` also a signal.
 * Waking is not FIFO: the OS picks which waiter runs.
 *
 * It remembers which thread holds it, so the classic mistakes fail loudly instead of
 * corrupting data: `unlock()` of a free lock, `unlock()` from a thread that does not
 * hold it, and `lock()` again in the holding thread (which would block forever).
 *
 * @example
 * ```ts
 * import { AtomicMutex } from '@interleave/toolkit';
 *
 * const mutex = new AtomicMutex();
 * const total = new Int32Array(new SharedArrayBuffer(4));
 * // in each worker: const mutex = new AtomicMutex({ buffer: workerData.lock });
 * mutex.withLock(() => {
 *   total[0] = total[0]! + 1; // a read-modify-write no other thread can interleave with
 * });
 * await mutex.lockAsync({ timeoutMs: 1_000 });
 * mutex.unlock();
 * ```
 */
export class AtomicMutex {
  /** Bytes of shared memory one mutex uses. */
  static readonly BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;

  #cells: Int32Array;
  #state: number;
  #owner: number;
  #me = threadId + 1;

  constructor(options: AtomicMutexOptions = {}) {
    const { buffer, index = 0 } = options;
    if (buffer !== undefined && !(buffer instanceof SharedArrayBuffer)) {
      throw new TypeError(`AtomicMutex: options.buffer must be a SharedArrayBuffer, received ${typeof buffer}`);
    }
    const cells = new Int32Array(buffer ?? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (Math.max(0, Math.trunc(index) || 0) + 2)));
    if (!Number.isInteger(index) || index < 0 || index + 1 >= cells.length) {
      throw new RangeError(`AtomicMutex: options.index must be an integer in [0, ${cells.length - 2}], received ${String(index)}`);
    }
    this.#cells = cells;
    this.#state = index + STATE;
    this.#owner = index + OWNER;
  }

  /** The shared memory; hand it to another thread to share this lock. */
  get buffer(): SharedArrayBuffer {
    return this.#cells.buffer as SharedArrayBuffer;
  }

  /** Whether some thread holds the lock right now (a snapshot). */
  get locked(): boolean {
    return Atomics.load(this.#cells, this.#state) !== UNLOCKED;
  }

  /** Takes the lock if it is free; never waits. */
  tryLock(): boolean {
    if (Atomics.compareExchange(this.#cells, this.#state, UNLOCKED, LOCKED) !== UNLOCKED) return false;
    Atomics.store(this.#cells, this.#owner, this.#me);
    return true;
  }

  /**
   * Takes the lock, blocking this thread until it is free. On the main thread this
   * freezes the event loop while it waits; prefer `lockAsync()` there.
   *
   * @throws {DOMException} `TimeoutError` after `timeoutMs`.
   * @throws {Error} if this thread already holds it (blocking would never end).
   */
  lock(options: AtomicMutexLockOptions = {}): void {
    const timeoutMs = checkTimeout('lock', options.timeoutMs);
    const cells = this.#cells;
    let state = Atomics.compareExchange(cells, this.#state, UNLOCKED, LOCKED);
    if (state !== UNLOCKED) {
      if (Atomics.load(cells, this.#owner) === this.#me) {
        throw new Error(`AtomicMutex.lock: thread ${threadId} already holds this lock; it is not reentrant, and waiting would never end`);
      }
      const deadline = performance.now() + timeoutMs;
      // Mark the lock contended so the holder knows to notify, then sleep until woken.
      if (state !== CONTENDED) state = Atomics.exchange(cells, this.#state, CONTENDED);
      while (state !== UNLOCKED) {
        const left = deadline - performance.now();
        if (left <= 0) throw timeout('lock', timeoutMs);
        Atomics.wait(cells, this.#state, CONTENDED, left);
        state = Atomics.exchange(cells, this.#state, CONTENDED);
      }
    }
    Atomics.store(cells, this.#owner, this.#me);
  }

  /**
   * Takes the lock without blocking the thread: waits with `Atomics.waitAsync`.
   * Rejects with `signal.reason` on abort, or a `TimeoutError` after `timeoutMs`.
   */
  async lockAsync(options: AtomicMutexLockAsyncOptions = {}): Promise<void> {
    const timeoutMs = checkTimeout('lockAsync', options.timeoutMs);
    const { signal } = options;
    signal?.throwIfAborted();
    const cells = this.#cells;
    let state = Atomics.compareExchange(cells, this.#state, UNLOCKED, LOCKED);
    if (state === UNLOCKED) {
      Atomics.store(cells, this.#owner, this.#me);
      return;
    }
    const deadline = performance.now() + timeoutMs;
    // A pending Atomics.waitAsync does not keep Node's event loop alive; this timer does.
    const keepAlive = setInterval(() => {}, 1 << 30);
    let stop: ((reason: unknown) => void) | undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    const onAbort = () => stop!(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (state !== CONTENDED) state = Atomics.exchange(cells, this.#state, CONTENDED);
      while (state !== UNLOCKED) {
        const left = deadline - performance.now();
        if (left <= 0) throw timeout('lockAsync', timeoutMs);
        const waiting = waitAsync(cells, this.#state, CONTENDED, Math.min(left, 2 ** 31 - 1));
        if (waiting.async) {
          const woken = waiting.value;
          try {
            await Promise.race([woken, stopped]);
          } catch (error) {
            // Aborted while still registered as a waiter. If an unlock() wakes that
            // stale wait, pass the wake-up on, or a live waiter could sleep forever.
            void woken.then((result) => {
              if (result === 'ok') Atomics.notify(cells, this.#state, 1);
            });
            throw error;
          }
        }
        state = Atomics.exchange(cells, this.#state, CONTENDED);
      }
      Atomics.store(cells, this.#owner, this.#me);
    } finally {
      clearInterval(keepAlive);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Releases the lock and wakes one waiting thread, if any.
   *
   * @throws {Error} if the lock is free (released twice?) or another thread holds it.
   */
  unlock(): void {
    const cells = this.#cells;
    const owner = Atomics.load(cells, this.#owner);
    if (Atomics.load(cells, this.#state) === UNLOCKED) {
      throw new Error('AtomicMutex.unlock: the lock is not held (released twice?)');
    }
    if (owner !== this.#me && owner !== 0) {
      throw new Error(`AtomicMutex.unlock: thread ${threadId} tried to release a lock held by thread ${owner - 1}`);
    }
    Atomics.store(cells, this.#owner, 0);
    if (Atomics.sub(cells, this.#state, 1) !== LOCKED) {
      // It was CONTENDED: someone may be asleep on the word; free it and wake one.
      Atomics.store(cells, this.#state, UNLOCKED);
      Atomics.notify(cells, this.#state, 1);
    }
  }

  /** Runs `fn` holding the lock (taken with `lock()`), and always releases it. */
  withLock<T>(fn: () => T, options?: AtomicMutexLockOptions): T {
    this.lock(options);
    try {
      return fn();
    } finally {
      this.unlock();
    }
  }

  /** Runs `fn` holding the lock (taken with `lockAsync()`), and always releases it. */
  async withLockAsync<T>(fn: () => T | Promise<T>, options?: AtomicMutexLockAsyncOptions): Promise<T> {
    await this.lockAsync(options);
    try {
      return await fn();
    } finally {
      this.unlock();
    }
  }
}

function checkTimeout(method: string, timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return Number.POSITIVE_INFINITY;
  return checkMs(`AtomicMutex.${method}`, 'options.timeoutMs', timeoutMs, { infinity: true });
}

function timeout(method: string, timeoutMs: number): DOMException {
  return new DOMException(`AtomicMutex.${method}: the lock was not free within ${timeoutMs} ms`, 'TimeoutError');
}
