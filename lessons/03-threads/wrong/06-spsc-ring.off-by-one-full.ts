// Wrong: lets the producer write when the ring is already full (`>` instead of `===`),
// overwriting the oldest item before the consumer has read it.
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
    const indices = this.#indices;
    // Our own index needs no atomic read (only we write it); the other side's does.
    const tail = indices[SpscRing.TAIL]!;
    const head = Atomics.load(indices, SpscRing.HEAD);
    if (tail - head > this.capacity) return false;
    // Data first, then publish. Atomics.store is a full fence: every write before it is
    // visible to a thread that then sees the new tail with Atomics.load.
    this.#slots[tail % this.capacity] = value;
    Atomics.store(indices, SpscRing.TAIL, tail + 1);
    return true;
  }

  pop(): number | undefined {
    const indices = this.#indices;
    const head = indices[SpscRing.HEAD]!;
    const tail = Atomics.load(indices, SpscRing.TAIL);
    if (head === tail) return undefined;
    // Read the slot before giving it back: once head moves, the producer may overwrite it.
    const value = this.#slots[head % this.capacity]!;
    Atomics.store(indices, SpscRing.HEAD, head + 1);
    return value;
  }
}
