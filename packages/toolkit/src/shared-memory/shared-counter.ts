/** Options of {@link SharedCounter}. */
export interface SharedCounterOptions {
  /**
   * Memory to use: pass another counter's `buffer` (and `index`) to reach the same
   * counter from another thread. Default: a new 4-byte `SharedArrayBuffer`.
   */
  buffer?: SharedArrayBuffer;
  /** Which 32-bit slot of `buffer` holds the count. Default: 0. */
  index?: number;
  /** Starting value, only used when a new buffer is made. Default: 0. */
  initial?: number;
}

/**
 * A 32-bit integer counter in shared memory that every thread can update without
 * losing updates: each change is one `Atomics` read-modify-write, so two threads
 * incrementing at once both count. (A plain `array[0]++` on shared memory is a load,
 * an add and a store; two threads interleaving those lose increments.)
 *
 * Send `counter.buffer` to a worker (in `workerData` or a message) and rebuild it there
 * with `new SharedCounter({ buffer })`. Values wrap around like `Int32Array`.
 *
 * @example
 * ```ts
 * import { SharedCounter } from '@interleave/toolkit';
 *
 * const hits = new SharedCounter();
 * // in a worker: const hits = new SharedCounter({ buffer: workerData.hits });
 * hits.increment();
 * hits.add(10);
 * console.log(hits.value); // 11
 * ```
 */
export class SharedCounter {
  #cells: Int32Array;
  #index: number;

  constructor(options: SharedCounterOptions = {}) {
    const { buffer, index = 0, initial } = options;
    if (buffer !== undefined && !(buffer instanceof SharedArrayBuffer)) {
      throw new TypeError(`SharedCounter: options.buffer must be a SharedArrayBuffer, received ${describe(buffer)}`);
    }
    const cells = new Int32Array(buffer ?? new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (index + 1)));
    if (!Number.isInteger(index) || index < 0 || index >= cells.length) {
      throw new RangeError(`SharedCounter: options.index must be an integer in [0, ${cells.length - 1}], received ${String(index)}`);
    }
    if (initial !== undefined) {
      if (buffer !== undefined) {
        // Attaching to a counter another thread may already use: writing here would race
        // with it, and ignoring it would be silent. Say so instead.
        throw new TypeError(
          'SharedCounter: options.initial cannot be used with options.buffer (the counter in that buffer already has its value; call set() if you mean to overwrite it)',
        );
      }
      if (typeof initial !== 'number') throw new TypeError(`SharedCounter: options.initial must be an integer, received ${describe(initial)}`);
      if (!Number.isInteger(initial)) throw new RangeError(`SharedCounter: options.initial must be an integer, received ${String(initial)}`);
      Atomics.store(cells, index, initial);
    }
    this.#cells = cells;
    this.#index = index;
  }

  /** The shared memory; hand it to another thread to share this counter. */
  get buffer(): SharedArrayBuffer {
    return this.#cells.buffer as SharedArrayBuffer;
  }

  /** The 32-bit slot of `buffer` this counter uses. */
  get index(): number {
    return this.#index;
  }

  /** The current value (an atomic load). */
  get value(): number {
    return Atomics.load(this.#cells, this.#index);
  }

  /** Adds 1 atomically and returns the new value. */
  increment(): number {
    return Atomics.add(this.#cells, this.#index, 1) + 1;
  }

  /** Subtracts 1 atomically and returns the new value. */
  decrement(): number {
    return Atomics.sub(this.#cells, this.#index, 1) - 1;
  }

  /** Adds `delta` (an integer, may be negative) atomically and returns the new value. */
  add(delta: number): number {
    if (!Number.isInteger(delta)) throw new RangeError(`SharedCounter.add: delta must be an integer, received ${String(delta)}`);
    return (Atomics.add(this.#cells, this.#index, delta) + delta) | 0;
  }

  /** Sets the value if it is still `expected`; returns whether it did (compare-and-swap). */
  compareAndSet(expected: number, next: number): boolean {
    return Atomics.compareExchange(this.#cells, this.#index, expected, next) === expected;
  }

  /** Sets the value outright (an atomic store), e.g. to reset it. */
  set(value: number): void {
    if (!Number.isInteger(value)) throw new RangeError(`SharedCounter.set: value must be an integer, received ${String(value)}`);
    Atomics.store(this.#cells, this.#index, value);
  }
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
