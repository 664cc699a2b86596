import { describe, expect, it } from 'vitest';
import { everyInterleaving, LostWakeUpError } from './every-interleaving.ts';

// A one-word hand-off: cells[0] counts items written, cells[1] is 1 while the reader is
// (about to be) asleep. `late` reads the word it will wait on after its check, not before:
// the bug everyInterleaving was written to catch (RingBuffer.write had it).
function handOff(late: boolean) {
  const cells = new Int32Array(new SharedArrayBuffer(8));
  const reader = (): string => {
    const early = Atomics.load(cells, 0);
    if (early > 0) return 'got it';
    const seen = late ? Atomics.load(cells, 0) : early;
    Atomics.store(cells, 1, 1);
    Atomics.wait(cells, 0, seen);
    return Atomics.load(cells, 0) > 0 ? 'got it' : 'woke to nothing';
  };
  const writer = (): void => {
    Atomics.add(cells, 0, 1);
    if (Atomics.load(cells, 1) === 1) Atomics.notify(cells, 0);
  };
  return { buffer: cells.buffer as SharedArrayBuffer, side: reader, other: writer };
}

describe('everyInterleaving()', () => {
  it('passes a correct hand-off, once per step the reader takes before it sleeps', async () => {
    const seen: string[] = [];
    const steps = await everyInterleaving({
      setup: () => handOff(false),
      check: (outcome) => seen.push(`${outcome.step}: ${outcome.status === 'fulfilled' ? outcome.value : 'rejected'}`),
    });
    // load, store, wait: the writer acts before each; then it acts while the reader sleeps.
    expect(steps).toBe(3);
    expect(seen).toEqual(['0: got it', '1: got it', '2: got it']);
  });

  it('rejects with a LostWakeUpError naming the step when the reader reads its word too late', async () => {
    const failure = everyInterleaving({ setup: () => handOff(true) });
    await expect(failure).rejects.toBeInstanceOf(LostWakeUpError);
    await expect(failure).rejects.toThrow('lost wake-up with the other side acting before step 1: asleep on word 0 (= 1)');
  });

  it('passes outcomes to check(), and fails when check() throws', async () => {
    const failing = everyInterleaving({
      setup: () => handOff(false),
      check: (outcome) => {
        if (outcome.step === 2) throw new Error('check says no at step 2');
      },
    });
    await expect(failing).rejects.toThrow('check says no at step 2');
  });

  it('leaves the real Atomics in place after a run, also after a failed one', async () => {
    const { wait, load, notify } = Atomics;
    await everyInterleaving({ setup: () => handOff(true) }).catch(() => {});
    expect([Atomics.wait, Atomics.load, Atomics.notify]).toEqual([wait, load, notify]);
    expect(Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1)).toBe('timed-out');
  });

  it('gives up with a clear message on a side that never stops stepping', async () => {
    const spin = {
      setup: () => {
        const cells = new Int32Array(new SharedArrayBuffer(4));
        return { buffer: cells.buffer as SharedArrayBuffer, side: () => { for (let i = 0; i < 50; i++) Atomics.load(cells, 0); }, other: () => {} };
      },
      maxSteps: 10,
    };
    await expect(everyInterleaving(spin)).rejects.toThrow('took more than 10 atomic steps (options.maxSteps)');
  });
});
