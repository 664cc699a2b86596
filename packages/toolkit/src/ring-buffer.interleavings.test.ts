// RingBuffer's sleep/wake protocol, checked at every interleaving of the two sides.
//
// Real threads find a lost wake-up only by luck (one in ~2 000 runs of 10 000 items on a
// loaded machine, in the bug this file guards against). Here the other side is played by
// a second view of the same memory, in this thread, and it acts exactly once: right before
// the k-th atomic operation of the side under test, for k = 0, 1, 2, … until that side
// finishes without reaching step k. The waits are stand-ins that never block:
//   - if the watched value changed, the wait returns at once ('not-equal'), as the real one;
//   - if it did not and the other side has not acted yet, the other side acts now (while
//     we "sleep"); its notify on the watched index wakes us ('ok');
//   - any other wait would sleep forever, since the other side will never act again:
//     that is a lost wake-up, and the stand-in throws to say so.
import { afterEach, describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

type Wait = typeof Atomics.wait;
type WaitAsync = (array: Int32Array, index: number, value: number, timeoutMs?: number) => unknown;
const real = {
  load: Atomics.load,
  store: Atomics.store,
  exchange: Atomics.exchange,
  notify: Atomics.notify,
  wait: Atomics.wait,
  waitAsync: (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync,
};
afterEach(() => Object.assign(Atomics, real));

interface Run {
  /** Whether the side under test reached step `at` (if not, no later step exists either). */
  reached: boolean;
  /** What the side under test returned. */
  result: unknown;
}

/** Runs `side` with `other` acting right before its atomic operation number `at`. */
async function runAt(buffer: SharedArrayBuffer, at: number, side: () => unknown, other: () => void): Promise<Run> {
  let step = 0;
  let acted = false;
  let reached = false;
  let inOther = false;
  const wokenAt = new Set<number>();
  const watched = (array: Int32Array): boolean => !inOther && array.buffer === buffer;
  const act = (): void => {
    acted = true;
    inOther = true;
    try {
      other();
    } finally {
      inOther = false;
    }
  };
  const tick = (): void => {
    if (!acted && step++ === at) {
      reached = true;
      act();
    }
  };
  /** 'not-equal' or 'ok' as a real wait would end; throws where a real one would never end. */
  const wait = (array: Int32Array, index: number, value: number): 'not-equal' | 'ok' => {
    tick();
    if (real.load(array, index) !== value) return 'not-equal';
    if (!acted) {
      wokenAt.clear();
      act();
      if (wokenAt.has(index)) return 'ok';
    }
    throw new Error(`lost wake-up: asleep on index ${index} (= ${value}) and the other side has already acted`);
  };
  Object.assign(Atomics, {
    load: (array: Int32Array, index: number) => {
      if (watched(array)) tick();
      return real.load(array, index);
    },
    store: (array: Int32Array, index: number, value: number) => {
      if (watched(array)) tick();
      return real.store(array, index, value);
    },
    exchange: (array: Int32Array, index: number, value: number) => {
      if (watched(array)) tick();
      return real.exchange(array, index, value);
    },
    notify: (array: Int32Array, index: number, count?: number) => {
      if (array.buffer === buffer && inOther) wokenAt.add(index);
      else if (watched(array)) tick();
      return real.notify(array, index, count);
    },
    wait: ((array: Int32Array, index: number, value: number, timeoutMs?: number) =>
      watched(array) ? wait(array, index, value) : real.wait(array, index, value, timeoutMs)) as Wait,
    waitAsync: (array: Int32Array, index: number, value: number, timeoutMs?: number) => {
      if (!watched(array)) return real.waitAsync(array, index, value, timeoutMs);
      const outcome = wait(array, index, value);
      return outcome === 'not-equal' ? { async: false, value: outcome } : { async: true, value: Promise.resolve(outcome) };
    },
  });
  try {
    const result = await side();
    return { reached, result };
  } finally {
    Object.assign(Atomics, real);
  }
}

/** Runs `scenario` for every step at which the other side can act; returns how many. */
async function everyInterleaving(scenario: (at: number) => Promise<Run>): Promise<number> {
  for (let at = 0; ; at++) {
    const { reached } = await scenario(at);
    if (!reached) return at; // the side under test finished (or slept) before step `at`: all covered
    if (at > 1_000) throw new Error('the side under test never finishes');
  }
}

/** A ring of `capacity` holding `items`, and a second view of it for the other side. */
function ringWith(capacity: number, items: number[]): { ring: RingBuffer; other: RingBuffer } {
  const ring = new RingBuffer({ capacity });
  for (const item of items) ring.tryWrite(item);
  return { ring, other: new RingBuffer({ buffer: ring.buffer }) };
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
      const steps = await everyInterleaving(async (at) => {
        const { ring, other } = ringWith(2, [1, 2]);
        let taken: number | undefined;
        const run = await runAt(ring.buffer, at, () => write(ring, 3), () => (taken = other.tryRead()));
        expect(taken).toBe(1);
        expect([ring.tryRead(), ring.tryRead(), ring.tryRead()]).toEqual([2, 3, undefined]);
        return run;
      });
      expect(steps).toBeGreaterThan(3);
    });

    it(`${name}() on a full ring is woken by a reader that drains it at any step`, async () => {
      await everyInterleaving(async (at) => {
        const { ring, other } = ringWith(3, [1, 2, 3]);
        const taken: (number | undefined)[] = [];
        const run = await runAt(ring.buffer, at, () => write(ring, 4), () => taken.push(other.tryRead(), other.tryRead(), other.tryRead()));
        expect(taken).toEqual([1, 2, 3]);
        expect([ring.tryRead(), ring.tryRead()]).toEqual([4, undefined]);
        return run;
      });
    });

    it(`${name}() on a full ring is woken by close() at any step, and throws`, async () => {
      await everyInterleaving(async (at) => {
        const { ring, other } = ringWith(1, [1]);
        let error: unknown;
        const run = await runAt(
          ring.buffer,
          at,
          async () => {
            try {
              await write(ring, 2);
            } catch (caught) {
              error = caught;
            }
          },
          () => other.close(),
        );
        expect(error).toMatchObject({ message: 'RingBuffer: write after close()' });
        return run;
      });
    });
  }

  for (const [name, read] of Object.entries(reads)) {
    it(`${name}() on an empty ring is woken by a writer that adds an item at any step`, async () => {
      const steps = await everyInterleaving(async (at) => {
        const { ring, other } = ringWith(2, []);
        const run = await runAt(ring.buffer, at, () => read(ring), () => other.tryWrite(7));
        expect(run.result).toBe(7);
        return run;
      });
      expect(steps).toBeGreaterThan(3);
    });

    it(`${name}() on an empty ring is woken by close() at any step, and returns undefined`, async () => {
      await everyInterleaving(async (at) => {
        const { ring, other } = ringWith(2, []);
        const run = await runAt(ring.buffer, at, () => read(ring), () => other.close());
        expect(run.result).toBeUndefined();
        return run;
      });
    });
  }

  it('the stand-in waits catch a lost wake-up: a reader that reads the watched word after its check', async () => {
    // The first bug this file was written for, in miniature: `write()` read `head` after
    // finding the ring full, so a reader that moved it in between was never noticed.
    // cells[0]: items written; cells[1]: 1 while the reader is (about to be) asleep.
    const cells = new Int32Array(new SharedArrayBuffer(8));
    const producer = (): void => {
      Atomics.add(cells, 0, 1);
      if (Atomics.load(cells, 1) === 1) Atomics.notify(cells, 0);
    };
    const reader = (late: boolean) => (): string => {
      cells.fill(0);
      const early = Atomics.load(cells, 0);
      if (early > 0) return 'got it';
      const seen = late ? Atomics.load(cells, 0) : early;
      Atomics.store(cells, 1, 1);
      Atomics.wait(cells, 0, seen);
      return Atomics.load(cells, 0) > 0 ? 'got it' : 'woke to nothing';
    };
    const outcomes = async (late: boolean): Promise<string[]> => {
      const seen: string[] = [];
      for (let at = 0; ; at++) {
        const run = await runAt(cells.buffer as SharedArrayBuffer, at, reader(late), producer).catch((error: Error) => error);
        if (run instanceof Error) seen.push(run.message);
        else if (run.reached) seen.push(String(run.result));
        else return seen;
      }
    };
    expect(await outcomes(true)).toEqual(['got it', 'lost wake-up: asleep on index 0 (= 1) and the other side has already acted', 'got it', 'got it']);
    expect(await outcomes(false)).toEqual(['got it', 'got it', 'got it']);
  });
});
