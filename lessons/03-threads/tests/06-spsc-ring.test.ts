import { describe, expect, test } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { runWorkers } from '@interleave/lesson-kit/testing';
import { SpscRing } from '#impl/06-spsc-ring';

const WORKER = new URL('./support/ring.worker.ts', import.meta.url);
const IMPL = implFile(new URL('../', import.meta.url), '06-spsc-ring');

function ring(capacity: number): SpscRing {
  return new SpscRing(new SharedArrayBuffer(SpscRing.bytesFor(capacity)));
}

describe('SpscRing', () => {
  test('pops what was pushed, first in first out; undefined when empty', () => {
    const r = ring(4);
    expect(r.pop()).toBeUndefined();
    expect(r.push(1.5)).toBe(true);
    expect(r.push(2)).toBe(true);
    expect(r.pop()).toBe(1.5);
    expect(r.pop()).toBe(2);
    expect(r.pop()).toBeUndefined();
  });

  test('push() refuses when full and never overwrites an unread item', () => {
    const r = ring(3);
    expect([r.push(1), r.push(2), r.push(3)]).toEqual([true, true, true]);
    expect(r.push(4), 'a full ring must refuse the 4th item').toBe(false);
    expect([r.pop(), r.pop(), r.pop(), r.pop()]).toEqual([1, 2, 3, undefined]);
  });

  test('wraps around its slots many times', () => {
    const r = ring(3);
    const out: Array<number | undefined> = [];
    for (let i = 0; i < 50; i++) {
      r.push(i);
      r.push(i + 0.5);
      out.push(r.pop(), r.pop());
    }
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => [i, i + 0.5]).flat());
  });

  test('push() writes the value into its slot before it publishes the new tail', () => {
    // The consumer may read the slot the instant it sees the new tail, so the value must
    // already be there. Checked here by looking at the slot at the moment tail is published
    // (the layout is the one the constructor sets up: indices at byte 0, slots at byte 8).
    const capacity = 4;
    const buffer = new SharedArrayBuffer(SpscRing.bytesFor(capacity));
    const r = new SpscRing(buffer);
    const indices = new Int32Array(buffer, 0, 2);
    const slots = new Float64Array(buffer, 8);
    const atSlot: Array<number | undefined> = [];
    const atomics = Atomics as unknown as Record<string, (...args: unknown[]) => unknown>;
    const saved = { store: atomics.store!, add: atomics.add!, exchange: atomics.exchange! };
    const watch = (name: 'store' | 'add' | 'exchange') => (view: unknown, index: unknown, value: unknown) => {
      const original = saved[name];
      if (view instanceof Int32Array && view.buffer === buffer && view.byteOffset === 0 && index === SpscRing.TAIL) {
        const next = name === 'add' ? indices[SpscRing.TAIL]! + (value as number) : (value as number);
        atSlot.push(slots[(next - 1) % capacity]);
      }
      return original.call(Atomics, view, index, value);
    };
    atomics.store = watch('store');
    atomics.add = watch('add');
    atomics.exchange = watch('exchange');
    try {
      r.push(7);
      r.push(8);
    } finally {
      Object.assign(atomics, saved);
    }
    expect(
      atSlot,
      'when tail was published (an Atomics store/add/exchange of the tail index), the slot should already hold the pushed value',
    ).toEqual([7, 8]);
  });

  test('a producer thread and a consumer thread pass 100,000 items in order', async () => {
    const buffer = new SharedArrayBuffer(SpscRing.bytesFor(64));
    const count = 100_000;
    const [, consumed] = await runWorkers<string>(
      WORKER,
      IMPL,
      [
        { role: 'producer', buffer, count },
        { role: 'consumer', buffer, count },
      ],
      { watchdogMs: 3000, stuck: 'the producer and consumer did not finish' },
    );
    expect(consumed, 'the consumer saw every item, in order — write the slot first, then publish the new tail').toBe('ok');
  });
});
