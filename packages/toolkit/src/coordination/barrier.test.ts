import { describe, expect, it } from 'vitest';
import { Barrier } from './barrier.ts';
import { BrokenBarrierError } from './errors.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { turns } from '../testing/microtasks.ts';

describe('Barrier', () => {
  it('checks parties first', () => {
    expect(() => new Barrier(0)).toThrow(RangeError);
    expect(() => new Barrier(2.5)).toThrow(/Barrier: parties must be an integer from 1 to 2\*\*53 - 1, got 2.5/);
  });

  it('holds every party until the last arrives, then releases all with distinct indexes 0..parties-1', async () => {
    const barrier = new Barrier(3);
    let released = 0;
    const a = barrier.wait().then((i) => (released++, i));
    const b = barrier.wait().then((i) => (released++, i));
    await turns();
    expect(released).toBe(0);
    expect(barrier.waiting).toBe(2);
    const c = barrier.wait();
    const indexes = await Promise.all([a, b, c]);
    expect([...indexes].sort()).toEqual([0, 1, 2]);
    expect(barrier.waiting).toBe(0);
  });

  it('is reusable: the next round starts empty and again hands out 0..parties-1', async () => {
    const barrier = new Barrier(2);
    for (let round = 0; round < 3; round++) {
      const indexes = await Promise.all([barrier.wait(), barrier.wait()]);
      expect([...indexes].sort()).toEqual([0, 1]);
    }
    expect(barrier.broken).toBe(false);
  });

  it('a barrier of one party never waits', async () => {
    await expect(new Barrier(1).wait()).resolves.toBe(0);
  });

  it('abort() breaks it: waiting and later parties reject with BrokenBarrierError until reset()', async () => {
    const barrier = new Barrier(3);
    const a = barrier.wait();
    const b = barrier.wait();
    barrier.abort();
    await expect(a).rejects.toBeInstanceOf(BrokenBarrierError);
    await expect(b).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(barrier.broken).toBe(true);
    await expect(barrier.wait()).rejects.toBeInstanceOf(BrokenBarrierError);
    barrier.reset();
    expect(barrier.broken).toBe(false);
    const indexes = await Promise.all([barrier.wait(), barrier.wait(), barrier.wait()]);
    expect([...indexes].sort()).toEqual([0, 1, 2]);
  });

  it('reset() while parties wait rejects them with BrokenBarrierError and leaves it usable', async () => {
    const barrier = new Barrier(2);
    const a = barrier.wait();
    barrier.reset();
    await expect(a).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(barrier.broken).toBe(false);
    await expect(Promise.all([barrier.wait(), barrier.wait()])).resolves.toHaveLength(2);
  });

  it('aborting a waiting party rejects it with the reason and breaks the barrier for the others', async () => {
    const barrier = new Barrier(3);
    const counted = countedAbortController();
    const other = barrier.wait();
    const aborted = barrier.wait({ signal: counted.signal });
    const reason = new Error('stop');
    counted.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    await expect(other).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(barrier.broken).toBe(true);
    expect(barrier.waiting).toBe(0);
    expect(counted.listeners()).toBe(0);
  });

  it('an already aborted signal rejects without joining or breaking the round', async () => {
    const barrier = new Barrier(2);
    const first = barrier.wait();
    const reason = new Error('before');
    await expect(barrier.wait({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(barrier.broken).toBe(false);
    expect(barrier.waiting).toBe(1);
    const [i, j] = await Promise.all([first, barrier.wait()]);
    expect(new Set([i, j])).toEqual(new Set([0, 1]));
  });

  it('released parties drop their abort listeners', async () => {
    const barrier = new Barrier(2);
    const counted = countedAbortController();
    await Promise.all([barrier.wait({ signal: counted.signal }), barrier.wait({ signal: counted.signal })]);
    expect(counted.listeners()).toBe(0);
  });

  it('parties sharing one aborted signal all reject with its reason; the others get BrokenBarrierError', async () => {
    const barrier = new Barrier(4);
    const counted = countedAbortController();
    const reason = new Error('stop');
    const bystander = barrier.wait();
    const first = barrier.wait({ signal: counted.signal });
    const second = barrier.wait({ signal: counted.signal });
    counted.abort(reason);
    await expect(first).rejects.toBe(reason);
    await expect(second).rejects.toBe(reason);
    await expect(bystander).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(barrier.broken).toBe(true);
    expect(barrier.waiting).toBe(0);
    expect(counted.listeners()).toBe(0);
  });
});
