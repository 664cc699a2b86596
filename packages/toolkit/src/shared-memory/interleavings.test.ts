// The sleep/wake protocols of RingBuffer and AtomicMutex at every interleaving of their two
// sides (see src/testing/every-interleaving.ts): a lost wake-up at any step fails the test.
import { describe, expect, it } from 'vitest';
import { AtomicMutex } from './atomic-mutex.ts';
import { RingBuffer } from './ring-buffer.ts';
import { everyInterleaving, type InterleavingOutcome } from '../testing/every-interleaving.ts';

/** A ring of `capacity` holding `items`, and a second view of the same memory for the other side. */
function ringWith(capacity: number, items: number[]): { ring: RingBuffer; other: RingBuffer } {
  const ring = new RingBuffer({ capacity });
  for (const item of items) ring.tryWrite(item);
  return { ring, other: new RingBuffer({ buffer: ring.buffer }) };
}

function fulfilledWith(expected: unknown) {
  return (outcome: InterleavingOutcome<unknown>): void => {
    if (outcome.status === 'rejected') throw outcome.reason;
    expect(outcome.value, `other side acting before step ${outcome.step}`).toBe(expected);
  };
}

const writes = {
  write: (ring: RingBuffer, value: number) => ring.write(value),
  writeAsync: (ring: RingBuffer, value: number) => ring.writeAsync(value),
};
const reads = {
  read: (ring: RingBuffer) => ring.read(),
  readAsync: (ring: RingBuffer) => ring.readAsync(),
};

describe('RingBuffer at every interleaving of writer and reader', () => {
  for (const [name, write] of Object.entries(writes)) {
    it(`${name}() on a full ring is woken by a reader that takes one item at any step`, async () => {
      let left: (number | undefined)[] = [];
      const steps = await everyInterleaving({
        setup: () => {
          const { ring, other } = ringWith(2, [1, 2]);
          return {
            buffer: ring.buffer,
            side: async () => {
              await write(ring, 3);
              left = [ring.tryRead(), ring.tryRead(), ring.tryRead()];
            },
            other: () => expect(other.tryRead()).toBe(1),
          };
        },
        check: (outcome) => {
          fulfilledWith(undefined)(outcome);
          expect(left).toEqual([2, 3, undefined]);
        },
      });
      expect(steps).toBeGreaterThan(5);
    });

    it(`${name}() on a full ring is woken by a reader that drains it at any step`, async () => {
      await everyInterleaving({
        setup: () => {
          const { ring, other } = ringWith(3, [1, 2, 3]);
          return {
            buffer: ring.buffer,
            side: async () => {
              await write(ring, 4);
              return ring.tryRead();
            },
            other: () => expect([other.tryRead(), other.tryRead(), other.tryRead()]).toEqual([1, 2, 3]),
          };
        },
        check: fulfilledWith(4),
      });
    });

    it(`${name}() on a full ring is woken by close() at any step, and throws`, async () => {
      await everyInterleaving({
        setup: () => {
          const { ring, other } = ringWith(1, [1]);
          return { buffer: ring.buffer, side: async () => write(ring, 2), other: () => other.close() };
        },
        check: (outcome) => {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toMatchObject({ message: 'RingBuffer: write after close()' });
        },
      });
    });
  }

  for (const [name, read] of Object.entries(reads)) {
    it(`${name}() on an empty ring is woken by a writer that adds an item at any step`, async () => {
      const steps = await everyInterleaving({
        setup: () => {
          const { ring, other } = ringWith(2, []);
          return { buffer: ring.buffer, side: async () => read(ring), other: () => expect(other.tryWrite(7)).toBe(true) };
        },
        check: fulfilledWith(7),
      });
      expect(steps).toBeGreaterThan(3);
    });

    it(`${name}() on an empty ring is woken by close() at any step, and returns undefined`, async () => {
      await everyInterleaving({
        setup: () => {
          const { ring, other } = ringWith(2, []);
          return { buffer: ring.buffer, side: async () => read(ring), other: () => other.close() };
        },
        check: fulfilledWith(undefined),
      });
    });
  }
});

describe('AtomicMutex at every interleaving of a waiter and the holder', () => {
  /** A mutex held by "another thread" (owner unknown), and a second view to release it with. */
  function held(): { mutex: AtomicMutex; holder: AtomicMutex } {
    const mutex = new AtomicMutex();
    expect(mutex.tryLock()).toBe(true);
    new Int32Array(mutex.buffer)[1] = 0; // owner: not this thread, so lock() waits instead of refusing
    return { mutex, holder: new AtomicMutex({ buffer: mutex.buffer }) };
  }

  const locks = {
    lock: (mutex: AtomicMutex) => mutex.lock(),
    lockAsync: (mutex: AtomicMutex) => mutex.lockAsync(),
  };
  for (const [name, lock] of Object.entries(locks)) {
    it(`${name}() on a held lock gets it when the holder unlocks at any step`, async () => {
      let state: boolean[] = [];
      const steps = await everyInterleaving({
        setup: () => {
          const { mutex, holder } = held();
          return {
            buffer: mutex.buffer,
            side: async () => {
              await lock(mutex);
              state = [mutex.locked];
              mutex.unlock();
              state.push(mutex.locked);
            },
            other: () => holder.unlock(),
          };
        },
        check: (outcome) => {
          fulfilledWith(undefined)(outcome);
          expect(state).toEqual([true, false]);
        },
      });
      expect(steps).toBeGreaterThan(2);
    });
  }
});
