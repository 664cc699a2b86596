// Seeded random schedules over Mutex: many tasks, random holds, random aborts, double
// releases. After each schedule the invariants must hold exactly — critical sections never
// overlap, every task either entered or was aborted, the lock ends free with nobody queued.
// The seeds are fixed, so a failure replays identically. (Queue, Channel, Semaphore,
// Condition and Barrier get the same treatment in coordination.stress.test.ts.)
import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.ts';
import { turns } from '../testing/microtasks.ts';

function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('Mutex under seeded random schedules', () => {
  it.each(SEEDS)('critical sections never overlap and the lock ends free (seed %i)', async (seed) => {
    const rand = random(seed);
    const mutex = new Mutex();
    let inside = 0;
    let entered = 0;
    let aborted = 0;
    const queuedOrder: number[] = []; // tasks that had to wait, in call order
    const grantedOrder: number[] = []; // those of them that got the lock, in grant order
    await Promise.all(
      Array.from({ length: 40 }, async (_, id) => {
        await turns(rand(4));
        const controller = new AbortController();
        if (rand(3) === 0) void turns(rand(5)).then(() => controller.abort(new Error(`abort ${id}`)));
        const mustWait = mutex.locked;
        if (mustWait) queuedOrder.push(id);
        let permit;
        try {
          permit = await mutex.lock({ signal: controller.signal });
        } catch {
          if (mustWait) queuedOrder.splice(queuedOrder.indexOf(id), 1);
          aborted++;
          return;
        }
        if (mustWait) grantedOrder.push(id);
        entered++;
        expect(++inside).toBe(1);
        await turns(rand(4));
        inside--;
        permit.release();
        if (rand(3) === 0) permit.release(); // a second release must not free the next holder
      }),
    );
    expect(entered + aborted).toBe(40);
    expect(grantedOrder).toEqual(queuedOrder); // FIFO among the waits not aborted
    expect(grantedOrder.length).toBeGreaterThan(0);
    expect(mutex.locked).toBe(false);
    expect(mutex.waiting).toBe(0);
  });
});
