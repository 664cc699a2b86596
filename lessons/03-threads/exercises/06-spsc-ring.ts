/**
 * Exercise 6 — a ring buffer for one producer and one consumer thread (SPSC).
 *
 * A queue in shared memory without any lock. It works because each index has exactly one
 * writer: only the producer moves `tail` (the next slot to write), only the consumer moves
 * `head` (the next slot to read). `tail - head` is how many items are inside. The indices
 * only grow; slot `i % capacity` holds item `i`.
 *
 * The constructor (done for you) lays out the memory: `#indices[HEAD]`, `#indices[TAIL]`,
 * then `#slots` (capacity numbers).
 *
 * - `push(value)` (producer only): if the ring is full (`tail - head === capacity`) return
 *   `false`. Otherwise write the value into its slot **first**, and only then publish it
 *   with `Atomics.store` of `tail + 1` — if `tail` moved first, the consumer could read the
 *   slot before the value is there. Return `true`.
 * - `pop()` (consumer only): if empty (`head === tail`) return `undefined`. Otherwise read
 *   the slot, then `Atomics.store` `head + 1` (freeing the slot for the producer).
 * - Read the other side's index with `Atomics.load`.
 *
 * @example
 * ```ts
 * const ring = new SpscRing(new SharedArrayBuffer(SpscRing.bytesFor(4)));
 * ring.push(1);
 * ring.push(2);
 * console.log(ring.pop(), ring.pop(), ring.pop()); // 1 2 undefined
 * ```
 */
export class SpscRing {
  /** Bytes of shared memory a ring of `capacity` numbers needs. */
  static bytesFor(capacity: number): number {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`SpscRing.bytesFor: capacity must be an integer >= 1, got ${capacity}`);
    return 8 + capacity * 8;
  }

  static readonly HEAD = 0;
  static readonly TAIL = 1;
  readonly capacity: number;
  #indices: Int32Array;
  #slots: Float64Array;

  constructor(buffer: SharedArrayBuffer) {
    if (!(buffer instanceof SharedArrayBuffer) || buffer.byteLength < 16 || buffer.byteLength % 8 !== 0) {
      throw new TypeError('SpscRing: buffer must be a SharedArrayBuffer of SpscRing.bytesFor(capacity) bytes');
    }
    this.#indices = new Int32Array(buffer, 0, 2);
    this.#slots = new Float64Array(buffer, 8);
    this.capacity = this.#slots.length;
  }

  push(value: number): boolean {
    // TODO: full? write the slot, then publish tail + 1.
    throw new Error(`Not implemented: SpscRing.push (${value} into ${this.#slots.length} slots, indices ${this.#indices.length})`);
  }

  pop(): number | undefined {
    // TODO: empty? read the slot, then publish head + 1.
    throw new Error('Not implemented: SpscRing.pop');
  }
}
