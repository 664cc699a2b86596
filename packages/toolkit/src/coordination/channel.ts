/**
 * `Channel`: Go's channels for async code — rendezvous or buffered, closable, iterable.
 *
 * @module
 */
import { Deque } from '../internal/deque.ts';
import { ChannelClosedError } from './errors.ts';
import { WaiterQueue, describe, readSignal } from '../internal/waiter-queue.ts';
import { checkCount } from '../internal/check.ts';

/** Options of the {@link Channel} constructor. */
export interface ChannelOptions {
  /**
   * How many values it buffers: a non-negative integer. 0 makes every `send()` wait until
   * a receiver takes the value (a rendezvous), as an unbuffered Go channel. Default: 0.
   */
  readonly capacity?: number;
}

/** Options of {@link Channel.send}, {@link Channel.receive} and {@link Channel.values}. */
export interface ChannelWaitOptions {
  /**
   * Aborting it while the call waits takes it out of the channel's queue and rejects it
   * with `signal.reason` (an aborted send's value is not delivered); an already aborted
   * signal rejects at once. Default: none.
   */
  readonly signal?: AbortSignal;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * A typed pipe between tasks with Go's semantics:
 *
 * - `send(v)` resolves when `v` is in the buffer or in a receiver's hands; with capacity 0
 *   only when a receiver took it. Senders and receivers are served FIFO.
 * - `receive()` resolves with `{ done: false, value }`, or with `{ done: true }` once the
 *   channel is closed *and drained* (Go's `v, ok := <-ch` with `ok == false`).
 * - `close()`: buffered values can still be received; every blocked sender rejects with
 *   {@link ChannelClosedError} and every blocked receiver resolves `{ done: true }`. A
 *   later `send()` rejects with the same error (Go would panic); closing twice throws.
 * - `for await (const v of channel)` receives until closed and drained.
 * - Every wait takes `{ signal }`; `send`/`receive` never throw, they reject.
 *
 * @example
 * ```ts
 * import { Channel } from '@interleave/toolkit';
 *
 * const channel = new Channel<number>(); // capacity 0: a rendezvous
 * const producer = (async () => {
 *   for (let i = 1; i <= 3; i++) await channel.send(i); // each waits for the receiver
 *   channel.close();
 * })();
 * const received: number[] = [];
 * for await (const n of channel) received.push(n);
 * await producer;
 * console.log(received); // [1, 2, 3]
 * ```
 */
export class Channel<T> implements AsyncIterable<T> {
  readonly #capacity: number;
  readonly #buffer = new Deque<T>();
  readonly #senders = new WaiterQueue<void, T>();
  readonly #receivers = new WaiterQueue<IteratorResult<T, undefined>>();
  #closed = false;

  /** @throws {RangeError} for a `capacity` out of range; {TypeError} when `options` is no object or `capacity` no number. */
  constructor(options?: ChannelOptions) {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new TypeError(`Channel: options must be an object or undefined, got ${describe(options)}`);
    }
    const capacity = options?.capacity ?? 0;
    checkCount('Channel', 'options.capacity', capacity);
    this.#capacity = capacity;
  }

  /** The buffer size given to the constructor. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Values in the buffer now (Go's `len(ch)`). */
  get size(): number {
    return this.#buffer.size;
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Pending calls: blocked `send()`s and `receive()`s. */
  get waiting(): { readonly senders: number; readonly receivers: number } {
    return { senders: this.#senders.size, receivers: this.#receivers.size };
  }

  /**
   * Sends `value`: resolves once a receiver took it or it sits in the buffer. Rejects
   * with {@link ChannelClosedError} when the channel is closed, or gets closed while the
   * send waits.
   *
   * @example
   * ```ts
   * import { Channel } from '@interleave/toolkit';
   * const channel = new Channel<string>({ capacity: 1 });
   * await channel.send('fits in the buffer');
   * const blocked = channel.send('waits', { signal: AbortSignal.timeout(10) });
   * await blocked.catch((e: DOMException) => console.log(e.name)); // 'TimeoutError'
   * ```
   */
  send(value: T, options?: ChannelWaitOptions): Promise<void> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, 'Channel.send()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#closed) return Promise.reject(new ChannelClosedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#sendNow(value)) return Promise.resolve();
    return this.#senders.wait(value, signal);
  }

  /**
   * Sends `value` if that needs no waiting (Go's `select` with a `default`): true when a
   * receiver or the buffer took it, false otherwise.
   *
   * @throws {ChannelClosedError} when the channel is closed.
   */
  trySend(value: T): boolean {
    if (this.#closed) throw new ChannelClosedError();
    return this.#sendNow(value);
  }

  /**
   * Receives the next value: `{ done: false, value }`, or `{ done: true, value: undefined }`
   * once the channel is closed and drained.
   *
   * @example
   * ```ts
   * import { Channel } from '@interleave/toolkit';
   * const channel = new Channel<number>({ capacity: 2 });
   * await channel.send(7);
   * channel.close();
   * console.log(await channel.receive()); // { done: false, value: 7 }
   * console.log(await channel.receive()); // { done: true, value: undefined }
   * ```
   */
  receive(options?: ChannelWaitOptions): Promise<IteratorResult<T, undefined>> {
    let signal: AbortSignal | undefined;
    try {
      signal = readSignal(options, 'Channel.receive()');
    } catch (error) {
      return Promise.reject(error);
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    const result = this.#receiveNow();
    if (result !== undefined) return Promise.resolve(result);
    return this.#receivers.wait(undefined, signal);
  }

  /**
   * Receives without waiting: a result as `receive()` gives, or `undefined` when that
   * would have to wait (nothing buffered, no sender waiting, not closed).
   */
  tryReceive(): IteratorResult<T, undefined> | undefined {
    return this.#receiveNow();
  }

  /**
   * Closes the channel: no more sends. Blocked senders reject with
   * {@link ChannelClosedError}; blocked receivers resolve `{ done: true }`; buffered values
   * stay receivable.
   *
   * @throws {ChannelClosedError} when already closed (Go panics on a double close).
   */
  close(): void {
    if (this.#closed) throw new ChannelClosedError('Close of a closed channel');
    this.#closed = true;
    // Blocked receivers exist only while nothing is buffered: they get "closed" now.
    this.#receivers.drain((waiter) => waiter.resolve(DONE));
    this.#senders.drain((waiter) => waiter.reject(new ChannelClosedError('The channel was closed while the send waited')));
  }

  /**
   * The values received until the channel is closed and drained; `signal` aborts the
   * pending receive. Breaking out of the loop leaves the channel open.
   *
   * @example
   * ```ts
   * import { Channel } from '@interleave/toolkit';
   * const channel = new Channel<string>({ capacity: 3 });
   * for (const word of ['a', 'b', 'c']) await channel.send(word);
   * channel.close();
   * const words: string[] = [];
   * for await (const word of channel.values({ signal: AbortSignal.timeout(1_000) })) words.push(word);
   * console.log(words.join('')); // 'abc'
   * ```
   */
  async *values(options?: ChannelWaitOptions): AsyncGenerator<T, void, undefined> {
    for (;;) {
      const result = await this.receive(options);
      if (result.done) return;
      yield result.value;
    }
  }

  /** `for await (const value of channel)`: {@link Channel.values} without a signal. */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return this.values();
  }

  #sendNow(value: T): boolean {
    const receiver = this.#receivers.shift();
    if (receiver !== undefined) {
      receiver.resolve({ done: false, value });
      return true;
    }
    if (this.#buffer.size < this.#capacity) {
      this.#buffer.push(value);
      return true;
    }
    return false;
  }

  #receiveNow(): IteratorResult<T, undefined> | undefined {
    if (this.#buffer.size > 0) {
      const value = this.#buffer.shift();
      const sender = this.#senders.shift();
      if (sender !== undefined) {
        this.#buffer.push(sender.payload);
        sender.resolve();
      }
      return { done: false, value };
    }
    const sender = this.#senders.shift();
    if (sender !== undefined) {
      sender.resolve();
      return { done: false, value: sender.payload };
    }
    return this.#closed ? DONE : undefined;
  }
}
