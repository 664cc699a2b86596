// Seeded random schedules over the coordination primitives: many tasks, random holds,
// random aborts, double releases. After each schedule the invariants must hold exactly —
// nothing lost, nothing duplicated, FIFO among the waits that were not aborted, no waiter
// or listener left. The seeds are fixed, so a failure replays identically.
import { describe, expect, it } from 'vitest';
import { Channel } from './channel.ts';
import { Mutex } from './mutex.ts';
import { Queue } from './queue.ts';
import { Semaphore } from './semaphore.ts';
import { countedAbortController } from './testing/counted-signal.ts';

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

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('coordination primitives under seeded random schedules', () => {
  it.each(SEEDS)('Semaphore: never more holders than permits, FIFO grants, every permit back (seed %i)', async (seed) => {
    const rand = random(seed);
    const permits = 1 + rand(3);
    const semaphore = new Semaphore(permits);
    const signals: ReturnType<typeof countedAbortController>[] = [];
    let holders = 0;
    let peak = 0;
    const queuedOrder: number[] = []; // tasks that had to wait, in call order
    const grantedOrder: number[] = []; // those of them that got a permit, in grant order
    const tasks = Array.from({ length: 40 }, async (_, id) => {
      await turns(rand(5));
      const counted = countedAbortController();
      signals.push(counted);
      const mustWait = semaphore.available === 0;
      if (mustWait) queuedOrder.push(id);
      const pending = semaphore.acquire({ signal: counted.signal });
      if (rand(4) === 0) void turns(rand(4)).then(() => counted.abort(new Error(`abort ${id}`)));
      let permit;
      try {
        permit = await pending;
      } catch {
        queuedOrder.splice(queuedOrder.indexOf(id), 1);
        return;
      }
      if (mustWait) grantedOrder.push(id);
      holders++;
      peak = Math.max(peak, holders);
      await turns(rand(6));
      holders--;
      permit.release();
      if (rand(3) === 0) permit.release(); // a second release must change nothing
    });
    await Promise.all(tasks);
    await turns(20);
    expect(peak).toBeLessThanOrEqual(permits);
    expect(semaphore.available).toBe(permits);
    expect(semaphore.waiting).toBe(0);
    expect(signals.map((counted) => counted.listeners())).toEqual(signals.map(() => 0));
    expect(grantedOrder).toEqual(queuedOrder); // FIFO among the waits not aborted
    expect(grantedOrder.length).toBeGreaterThan(0); // the schedule did make tasks wait
  });

  it.each(SEEDS)('Mutex: critical sections never overlap and the lock ends free (seed %i)', async (seed) => {
    const rand = random(seed);
    const mutex = new Mutex();
    let inside = 0;
    let entered = 0;
    let aborted = 0;
    await Promise.all(
      Array.from({ length: 40 }, async (_, id) => {
        await turns(rand(4));
        const controller = new AbortController();
        if (rand(3) === 0) void turns(rand(5)).then(() => controller.abort(new Error(`abort ${id}`)));
        let permit;
        try {
          permit = await mutex.lock({ signal: controller.signal });
        } catch {
          aborted++;
          return;
        }
        entered++;
        expect(++inside).toBe(1);
        await turns(rand(4));
        inside--;
        permit.release();
      }),
    );
    expect(entered + aborted).toBe(40);
    expect(mutex.locked).toBe(false);
    expect(mutex.waiting).toBe(0);
  });

  it.each(SEEDS)('Channel: every value sent is received exactly once, in each sender’s order (seed %i)', async (seed) => {
    const rand = random(seed);
    const channel = new Channel<string>({ capacity: rand(4) });
    const sent: string[] = [];
    const received: string[] = [];
    let maxBuffered = 0;
    const senders = Array.from({ length: 4 }, async (_, s) => {
      for (let i = 0; i < 15; i++) {
        await turns(rand(3));
        const controller = new AbortController();
        if (rand(4) === 0) void turns(rand(4)).then(() => controller.abort(new Error('give up')));
        try {
          const sending = channel.send(`${s}:${i}`, { signal: controller.signal });
          maxBuffered = Math.max(maxBuffered, channel.size);
          await sending;
          sent.push(`${s}:${i}`);
        } catch {
          // withdrawn: must never be received
        }
      }
    });
    const receivers = Array.from({ length: 3 }, async () => {
      for await (const value of channel) {
        received.push(value);
        await turns(rand(3));
      }
    });
    await Promise.all(senders);
    channel.close();
    await Promise.all(receivers);
    expect([...received].sort()).toEqual([...sent].sort());
    for (let s = 0; s < 4; s++) {
      const mine = received.filter((v) => v.startsWith(`${s}:`)).map((v) => Number(v.split(':')[1]));
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
    expect(maxBuffered).toBeLessThanOrEqual(channel.capacity);
    expect(channel.waiting).toEqual({ senders: 0, receivers: 0 });
  });

  it.each(SEEDS)('Queue: bounded, nothing lost or doubled, join settles after the last taskDone (seed %i)', async (seed) => {
    const rand = random(seed);
    const queue = new Queue<number>({ maxSize: 1 + rand(3) });
    const put: number[] = [];
    const got: number[] = [];
    let maxSeen = 0;
    const producers = Array.from({ length: 3 }, async (_, p) => {
      for (let i = 0; i < 20; i++) {
        await turns(rand(3));
        const controller = new AbortController();
        if (rand(5) === 0) void turns(rand(3)).then(() => controller.abort(new Error('give up')));
        try {
          await queue.put(p * 100 + i, { signal: controller.signal });
          put.push(p * 100 + i);
        } catch {
          // withdrawn
        }
        maxSeen = Math.max(maxSeen, queue.size);
      }
    });
    const consumers = Array.from({ length: 2 }, async () => {
      for (;;) {
        let item: number;
        try {
          item = await queue.get();
        } catch {
          return; // shut down and drained
        }
        got.push(item);
        await turns(rand(3));
        queue.taskDone();
      }
    });
    await Promise.all(producers);
    await queue.join();
    expect(queue.unfinished).toBe(0);
    queue.shutdown();
    await Promise.all(consumers);
    expect([...got].sort()).toEqual([...put].sort());
    expect(maxSeen).toBeLessThanOrEqual(queue.maxSize);
    expect(queue.waiting).toEqual({ getters: 0, putters: 0, joiners: 0 });
  });
});
