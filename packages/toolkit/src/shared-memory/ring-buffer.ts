import { waitAsync } from '../internal/atomics-wait-async.ts';
import { checkMs } from '../internal/check.ts';

/** Options of {@link RingBuffer}. */
export type RingBufferOptions =
  | {
      /** How many numbers it holds before `write` has to wait (1 ..= 2**30). */
      capacity: number;
      buffer?: undefined;
    }
  | {
      /** Another ring's `buffer`, to reach the same ring from another thread. */
      buffer: SharedArrayBuffer;
      capacity?: undefined;
    };

/** Options of the waiting reads and writes of {@link RingBuffer}. */
export interface RingBufferWaitOptions {
  /** Give up after this many ms with a `TimeoutError` `DOMException`. Default: `Infinity`. */
  timeoutMs?: number;
}

/** Options of `readAsync` / `writeAsync` of {@link RingBuffer}. */
export interface RingBufferAsyncOptions extends RingBufferWaitOptions {
  /** Stop waiting when it aborts, rejecting with `signal.reason`. */
  signal?: AbortSignal;
}

// Header: six Int32 slots, then the data as Float64 (offset 24 is 8-byte aligned).
const HEAD = 0; // next slot to read; only the consumer writes it
const TAIL = 1; // next slot to write; only the producer writes it
const CLOSED = 2;
const CAPACITY = 3;
const READER_WAITING = 4; // 1 while the consumer sleeps (on this word); the producer clears it and notifies
const WRITER_WAITING = 5; // 1 while the producer sleeps (on this word); the consumer clears it and notifies
const HEADER_BYTES = 24;

/**
 * A bounded FIFO of numbers in one `SharedArrayBuffer`, for exactly one producer
 * thread and one consumer thread (SPSC). No locks: the producer only moves `tail`, the
 * consumer only moves `head`, both with `Atomics`; a side that must wait (full or
 * empty) sleeps with `Atomics.wait` / `Atomics.waitAsync` and is woken only when it
 * is actually asleep, so the fast path costs no system call.
 *
 * `close()` (either side) lets the consumer drain what is left, then reads return
 * `undefined`; writes after it throw.
 *
 * @example
 * ```ts
 * import { RingBuffer } from '@interleave/toolkit';
 *
 * const ring = new RingBuffer({ capacity: 1024 });
 * // producer thread: const ring = new RingBuffer({ buffer: workerData.ring }); ring.write(42); ring.close();
 * ring.write(1);
 * ring.write(2);
 * ring.close();
 * for await (const value of ring) console.log(value); // 1, then 2
 * ```
 */
export class RingBuffer {
  #header: Int32Array;
  #data: Float64Array;
  #capacity: number;
  #mask: number;

  constructor(options: RingBufferOptions) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`RingBuffer: options must be { capacity } or { buffer }, received ${String(options)}`);
    }
    let buffer: SharedArrayBuffer;
    if (options.buffer !== undefined) {
      if (!(options.buffer instanceof SharedArrayBuffer) || options.buffer.byteLength < HEADER_BYTES + 8) {
        throw new TypeError('RingBuffer: options.buffer must be the SharedArrayBuffer of another RingBuffer');
      }
      buffer = options.buffer;
      this.#header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
      this.#capacity = Atomics.load(this.#header, CAPACITY);
    } else {
      const { capacity } = options;
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 2 ** 30) {
        throw new RangeError(`RingBuffer: options.capacity must be an integer in [1, 2**30], received ${String(capacity)}`);
      }
      // Slots are a power of two so an index is `counter & mask`, even after the
      // 32-bit counters wrap around; `capacity` still bounds how many are used.
      const slots = 2 ** Math.ceil(Math.log2(capacity));
      buffer = new SharedArrayBuffer(HEADER_BYTES + slots * 8);
      this.#header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
      Atomics.store(this.#header, CAPACITY, capacity);
      this.#capacity = capacity;
    }
    this.#data = new Float64Array(buffer, HEADER_BYTES);
    this.#mask = this.#data.length - 1;
  }

  /** The shared memory; hand it to the other thread to share this ring. */
  get buffer(): SharedArrayBuffer {
    return this.#header.buffer as SharedArrayBuffer;
  }

  /** Most numbers it holds at once. */
  get capacity(): number {
    return this.#capacity;
  }

  /** How many numbers are waiting to be read (a snapshot). */
  get length(): number {
    return (Atomics.load(this.#header, TAIL) - Atomics.load(this.#header, HEAD)) | 0;
  }

  /** Whether `close()` was called (by either side). */
  get closed(): boolean {
    return Atomics.load(this.#header, CLOSED) === 1;
  }

  /** Producer: appends `value` if there is room; returns false when full. Throws once closed. */
  tryWrite(value: number): boolean {
    const header = this.#header;
    if (Atomics.load(header, CLOSED) === 1) throw new Error('RingBuffer: write after close()');
    const tail = Atomics.load(header, TAIL);
    if (((tail - Atomics.load(header, HEAD)) | 0) >= this.#capacity) return false;
    this.#data[tail & this.#mask] = value;
    Atomics.store(header, TAIL, (tail + 1) | 0);
    wake(header, READER_WAITING);
    return true;
  }

  /** Consumer: takes the oldest number, or `undefined` if there is none right now. */
  tryRead(): number | undefined {
    const header = this.#header;
    const head = Atomics.load(header, HEAD);
    if (head === Atomics.load(header, TAIL)) return undefined;
    const value = this.#data[head & this.#mask]!;
    Atomics.store(header, HEAD, (head + 1) | 0);
    wake(header, WRITER_WAITING);
    return value;
  }

  /** Producer: appends `value`, blocking this thread while the ring is full. */
  write(value: number, options: RingBufferWaitOptions = {}): void {
    const deadline = performance.now() + checkTimeout('write', options.timeoutMs);
    while (!this.tryWrite(value)) this.#sleep(WRITER_WAITING, deadline, 'write');
  }

  /** Consumer: takes the oldest number, blocking while empty; `undefined` once closed and drained. */
  read(options: RingBufferWaitOptions = {}): number | undefined {
    const deadline = performance.now() + checkTimeout('read', options.timeoutMs);
    for (;;) {
      const value = this.tryRead();
      if (value !== undefined) return value;
      if (this.closed) return this.tryRead();
      this.#sleep(READER_WAITING, deadline, 'read');
    }
  }

  /** Producer: like `write`, but waits with `Atomics.waitAsync`, leaving the event loop free. */
  async writeAsync(value: number, options: RingBufferAsyncOptions = {}): Promise<void> {
    const deadline = performance.now() + checkTimeout('writeAsync', options.timeoutMs);
    options.signal?.throwIfAborted();
    while (!this.tryWrite(value)) await this.#sleepAsync(WRITER_WAITING, deadline, 'writeAsync', options.signal);
  }

  /** Consumer: like `read`, but waits with `Atomics.waitAsync`, leaving the event loop free. */
  async readAsync(options: RingBufferAsyncOptions = {}): Promise<number | undefined> {
    const deadline = performance.now() + checkTimeout('readAsync', options.timeoutMs);
    options.signal?.throwIfAborted();
    for (;;) {
      const value = this.tryRead();
      if (value !== undefined) return value;
      if (this.closed) return this.tryRead();
      await this.#sleepAsync(READER_WAITING, deadline, 'readAsync', options.signal);
    }
  }

  /** Marks the ring closed and wakes both sides. Idempotent. */
  close(): void {
    Atomics.store(this.#header, CLOSED, 1);
    wake(this.#header, READER_WAITING);
    wake(this.#header, WRITER_WAITING);
  }

  /** Consumer: reads with `readAsync()` until the ring is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncGenerator<number, void, undefined> {
    for (let value = await this.readAsync(); value !== undefined; value = await this.readAsync()) yield value;
  }

  /**
   * Raises this side's flag, then looks again: still full (writer) or still empty (reader),
   * and not closed? Every change that could end the wait comes after the other side's
   * `wake()`, which clears the flag; so either this look sees the change, or the flag is
   * already 0 when we wait on it being 1, or the wake's notify finds us asleep. Waiting on
   * `head`/`tail` instead would miss a `close()` (it moves neither) between look and wait.
   */
  #mustWait(flag: number): boolean {
    const header = this.#header;
    Atomics.store(header, flag, 1);
    if (Atomics.load(header, CLOSED) === 1) return false;
    const used = (Atomics.load(header, TAIL) - Atomics.load(header, HEAD)) | 0;
    return flag === WRITER_WAITING ? used >= this.#capacity : used === 0;
  }

  #sleep(flag: number, deadline: number, method: string): void {
    const header = this.#header;
    try {
      if (!this.#mustWait(flag)) return;
      const left = deadline - performance.now();
      if (left <= 0) throw timeout(method);
      Atomics.wait(header, flag, 1, left);
    } finally {
      Atomics.store(header, flag, 0);
    }
  }

  async #sleepAsync(flag: number, deadline: number, method: string, signal?: AbortSignal): Promise<void> {
    const header = this.#header;
    let keepAlive: ReturnType<typeof setInterval> | undefined;
    let onAbort: (() => void) | undefined;
    try {
      if (!this.#mustWait(flag)) return;
      const left = deadline - performance.now();
      if (left <= 0) throw timeout(method);
      const waiting = waitAsync(header, flag, 1, Math.min(left, 2 ** 31 - 1));
      if (!waiting.async) return;
      // A pending waitAsync does not keep Node's event loop alive; this timer does.
      keepAlive = setInterval(() => {}, 1 << 30);
      await new Promise<void>((resolve, reject) => {
        void waiting.value.then(() => resolve());
        if (signal !== undefined) {
          onAbort = () => reject(signal.reason);
          if (signal.aborted) onAbort();
          else signal.addEventListener('abort', onAbort, { once: true });
        }
      });
    } finally {
      clearInterval(keepAlive);
      if (onAbort !== undefined) signal!.removeEventListener('abort', onAbort);
      Atomics.store(header, flag, 0);
    }
  }
}

/** The other side's half of the hand-shake in `#mustWait`: clear its flag; if it was up, notify. */
function wake(header: Int32Array, flag: number): void {
  if (Atomics.load(header, flag) === 1 && Atomics.exchange(header, flag, 0) === 1) Atomics.notify(header, flag);
}

function checkTimeout(method: string, timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return Number.POSITIVE_INFINITY;
  return checkMs(`RingBuffer.${method}`, 'options.timeoutMs', timeoutMs, { infinity: true });
}

function timeout(method: string): DOMException {
  return new DOMException(`RingBuffer.${method}: timed out waiting for the other side (options.timeoutMs)`, 'TimeoutError');
}
