/**
 * Seeded random interleavings: producers, consumers and lock holders that wait a random
 * number of turns between operations, while a driver aborts random pending operations and
 * finally shuts down or closes. Every seed is deterministic (microtask turns only, no
 * clock), so a failure names a seed that reproduces it. After everything settled the
 * conservation laws must hold: nothing lost, nothing delivered twice, per-producer order
 * kept, no waiter or abort listener left, counts add up.
 */
import { describe, expect, it } from 'vitest';
import { Barrier } from './barrier.ts';
import { Channel } from './channel.ts';
import { Condition } from './condition.ts';
import { BrokenBarrierError, ChannelClosedError, QueueShutDownError } from './errors.ts';
import { Queue } from './queue.ts';
import { Semaphore } from './semaphore.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import type { CountedAbortController } from '../testing/counted-signal.ts';
import { turns } from '../testing/microtasks.ts';

/** xorshift32: a small deterministic generator in [0, 1). */
function random(seed: number): () => number {
  // Scramble the seed: xorshift's first outputs for small seeds are tiny otherwise.
  let s = Math.imul(seed, 0x9e3779b1) >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < 8; i++) next();
  return next;
}

/** The pending operations the driver may abort, and a check that none left a listener. */
class Aborts {
  readonly #live = new Set<CountedAbortController>();
  readonly #all: CountedAbortController[] = [];
  readonly #rand: () => number;
  constructor(rand: () => number) {
    this.#rand = rand;
  }
  /** A signal for one operation; the controller leaves the pool when the operation settles. */
  track<T>(op: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const counted = countedAbortController();
    this.#live.add(counted);
    this.#all.push(counted);
    return op(counted.signal).finally(() => this.#live.delete(counted));
  }
  abortOne(): void {
    const live = [...this.#live];
    const victim = live[Math.floor(this.#rand() * live.length)];
    victim?.abort(new Error('driver abort'));
  }
  listeners(): number {
    return this.#all.reduce((sum, c) => sum + c.listeners(), 0);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.message === 'driver abort';
}

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('random interleavings with aborts', () => {
  it.each(SEEDS)('Queue, seed %i: nothing lost or duplicated, FIFO per producer, counts add up', async (seed) => {
    const rand = random(seed);
    const queue = new Queue<string>({ maxSize: 1 + Math.floor(rand() * 3) });
    const aborts = new Aborts(rand);
    const putOk = new Set<string>();
    const received: string[] = [];
    const immediate = rand() < 0.5;

    const producers = [0, 1, 2].map(async (p) => {
      for (let i = 0; i < 6; i++) {
        const item = `${p}:${i}`;
        try {
          await aborts.track((signal) => queue.put(item, { signal }));
          putOk.add(item);
        } catch (error) {
          if (error instanceof QueueShutDownError) return;
          if (!isAbort(error)) throw error;
        }
        await turns(Math.floor(rand() * 3));
      }
    });
    const consumers = [0, 1].map(async () => {
      for (;;) {
        try {
          const item = await aborts.track((signal) => queue.get({ signal }));
          received.push(item);
          await turns(Math.floor(rand() * 2));
          queue.taskDone();
        } catch (error) {
          if (error instanceof QueueShutDownError) return;
          if (!isAbort(error)) throw error;
        }
      }
    });
    const joiner = aborts.track((signal) => queue.join({ signal })).catch((e: unknown) => {
      if (!isAbort(e)) throw e;
    });
    for (let t = 0; t < 120; t++) {
      if (rand() < 0.08) aborts.abortOne();
      await Promise.resolve();
    }
    await Promise.all(producers);
    let dropped: string[] = [];
    if (immediate) {
      // What is still queued now is what shutdown({ immediate }) drops.
      const taken = new Set(received);
      dropped = [...putOk].filter((item) => !taken.has(item));
    }
    queue.shutdown({ immediate });
    await Promise.all([...consumers, joiner]);
    await turns(5);

    expect(new Set(received).size, 'an item delivered twice').toBe(received.length);
    for (const item of received) expect(putOk.has(item), `${item} received but never put`).toBe(true);
    if (!immediate) expect(received.length, 'items lost').toBe(putOk.size);
    else expect(received.length + queue.size, 'taken + left').toBeLessThanOrEqual(putOk.size);
    for (const p of [0, 1, 2]) {
      const order = received.filter((item) => item.startsWith(`${p}:`)).map((item) => Number(item.split(':')[1]));
      expect(order, `producer ${p} order`).toEqual([...order].sort((a, b) => a - b));
    }
    expect(queue.size).toBe(0);
    expect(queue.unfinished, 'unfinished after all done').toBe(0);
    expect(queue.waiting).toEqual({ getters: 0, putters: 0, joiners: 0 });
    expect(aborts.listeners(), 'abort listeners left').toBe(0);
    expect(dropped.length + received.length).toBeLessThanOrEqual(putOk.size);
  });

  it.each(SEEDS)('Channel, seed %i: every completed send is received once, in order per sender', async (seed) => {
    const rand = random(seed);
    const channel = new Channel<string>({ capacity: Math.floor(rand() * 3) });
    const aborts = new Aborts(rand);
    const sentOk = new Set<string>();
    const failed = new Set<string>();
    const received: string[] = [];

    const senders = [0, 1, 2].map(async (p) => {
      for (let i = 0; i < 6; i++) {
        const value = `${p}:${i}`;
        try {
          await aborts.track((signal) => channel.send(value, { signal }));
          sentOk.add(value);
        } catch (error) {
          failed.add(value);
          if (error instanceof ChannelClosedError) return;
          if (!isAbort(error)) throw error;
        }
        await turns(Math.floor(rand() * 3));
      }
    });
    const receivers = [0, 1].map(async () => {
      for (;;) {
        try {
          const result = await aborts.track((signal) => channel.receive({ signal }));
          if (result.done) return;
          received.push(result.value);
        } catch (error) {
          if (!isAbort(error)) throw error;
        }
        await turns(Math.floor(rand() * 2));
      }
    });
    for (let t = 0; t < 120; t++) {
      if (rand() < 0.08) aborts.abortOne();
      await Promise.resolve();
    }
    // Close early in some seeds, while senders may still be blocked.
    if (rand() < 0.5) channel.close();
    await Promise.all(senders);
    if (!channel.closed) channel.close();
    await Promise.all(receivers);
    await turns(5);

    expect(new Set(received).size, 'a value delivered twice').toBe(received.length);
    for (const value of received) expect(failed.has(value), `${value} failed to send but was received`).toBe(false);
    expect(new Set(received), 'completed sends = received').toEqual(sentOk);
    for (const p of [0, 1, 2]) {
      const order = received.filter((v) => v.startsWith(`${p}:`)).map((v) => Number(v.split(':')[1]));
      expect(order, `sender ${p} order`).toEqual([...order].sort((a, b) => a - b));
    }
    expect(channel.size).toBe(0);
    expect(channel.waiting).toEqual({ senders: 0, receivers: 0 });
    expect(aborts.listeners(), 'abort listeners left').toBe(0);
  });

  it.each(SEEDS)('Semaphore, seed %i: never over the limit, FIFO grants, every permit comes back', async (seed) => {
    const rand = random(seed);
    const permits = 1 + Math.floor(rand() * 3);
    const semaphore = new Semaphore(permits);
    const aborts = new Aborts(rand);
    let inside = 0;
    let peak = 0;
    let requests = 0;
    const grants: number[] = [];

    const workers = Array.from({ length: 6 }, async () => {
      for (let k = 0; k < 3; k++) {
        const ticket = requests++;
        try {
          const permit = await aborts.track((signal) => semaphore.acquire({ signal }));
          grants.push(ticket);
          peak = Math.max(peak, ++inside);
          await turns(Math.floor(rand() * 4));
          inside--;
          permit.release();
          if (rand() < 0.2) permit.release(); // a stray second release must do nothing
        } catch (error) {
          if (!isAbort(error)) throw error;
        }
        await turns(Math.floor(rand() * 2));
      }
    });
    for (let t = 0; t < 150; t++) {
      if (rand() < 0.08) aborts.abortOne();
      await Promise.resolve();
    }
    await Promise.all(workers);
    await turns(5);

    expect(peak, 'holders at once').toBeLessThanOrEqual(permits);
    expect(grants, 'grants in request order').toEqual([...grants].sort((a, b) => a - b));
    expect(semaphore.available, 'permits back').toBe(permits);
    expect(semaphore.waiting).toBe(0);
    expect(aborts.listeners(), 'abort listeners left').toBe(0);
  });

  it.each(SEEDS)('Condition, seed %i: a bounded buffer guarded by one lock loses nothing and ends unlocked', async (seed) => {
    const rand = random(seed);
    const condition = new Condition();
    const aborts = new Aborts(rand);
    const buffer: string[] = [];
    const capacity = 1 + Math.floor(rand() * 2);
    const produced = new Set<string>();
    const consumed: string[] = [];
    let holders = 0;
    let peak = 0;
    let stop = false;

    /** Runs `body` holding the lock; the lock must be held again when waits return or throw. */
    async function locked(body: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
      const permit = await condition.lock({ signal });
      peak = Math.max(peak, ++holders);
      try {
        await body(signal);
      } finally {
        expect(condition.locked, 'lock not held after a wait').toBe(true);
        holders--;
        permit.release();
      }
    }
    const producers = [0, 1].map(async (p) => {
      for (let i = 0; i < 5; i++) {
        const item = `${p}:${i}`;
        try {
          await aborts.track((signal) =>
            locked(async (s) => {
              holders--; // waiting releases the lock
              try {
                await condition.waitFor(() => buffer.length < capacity, { signal: s });
              } finally {
                holders++;
              }
              buffer.push(item);
              produced.add(item);
              condition.notifyAll();
            }, signal),
          );
        } catch (error) {
          if (!isAbort(error)) throw error;
        }
        await turns(Math.floor(rand() * 3));
      }
    });
    const consumers = [0, 1].map(async () => {
      while (!stop || buffer.length > 0) {
        try {
          await aborts.track((signal) =>
            locked(async (s) => {
              holders--;
              try {
                await condition.waitFor(() => buffer.length > 0 || stop, { signal: s });
              } finally {
                holders++;
              }
              if (buffer.length > 0) consumed.push(buffer.shift()!);
              condition.notifyAll();
            }, signal),
          );
        } catch (error) {
          if (!isAbort(error)) throw error;
        }
        await turns(Math.floor(rand() * 2));
      }
    });
    for (let t = 0; t < 150; t++) {
      if (rand() < 0.06) aborts.abortOne();
      await Promise.resolve();
    }
    await Promise.all(producers);
    const permit = await condition.lock();
    stop = true;
    condition.notifyAll();
    permit.release();
    await Promise.all(consumers);
    await turns(5);

    expect(peak, 'two holders of the lock at once').toBeLessThanOrEqual(1);
    expect(new Set(consumed), 'produced = consumed').toEqual(produced);
    expect(consumed.length).toBe(produced.size);
    expect(condition.locked, 'lock left held').toBe(false);
    expect(condition.waiting, 'waiters left').toBe(0);
    expect(aborts.listeners(), 'abort listeners left').toBe(0);
  });

  it.each(SEEDS)('Barrier, seed %i: every completed round hands out 0..parties-1 once; aborts break, reset heals', async (seed) => {
    const rand = random(seed);
    const parties = 2 + Math.floor(rand() * 3);
    const barrier = new Barrier(parties);
    const aborts = new Aborts(rand);
    const rounds: number[][] = [];
    let current: number[] = [];
    let broken = 0;

    const members = Array.from({ length: parties }, async () => {
      for (let k = 0; k < 4; k++) {
        try {
          const index = await aborts.track((signal) => barrier.wait({ signal }));
          current.push(index);
          if (current.length === parties) {
            rounds.push(current);
            current = [];
          }
        } catch (error) {
          if (error instanceof BrokenBarrierError) broken++;
          else if (!isAbort(error)) throw error;
          if (barrier.broken && barrier.waiting === 0) {
            barrier.reset();
            current = [];
          }
        }
        await turns(Math.floor(rand() * 3));
      }
    });
    for (let t = 0; t < 120; t++) {
      if (rand() < 0.04) aborts.abortOne();
      await Promise.resolve();
    }
    // Members left waiting for partners that gave up: break the round so nobody hangs.
    for (let i = 0; i < 50 && barrier.waiting > 0; i++) {
      barrier.abort();
      await turns(3);
    }
    await Promise.all(members);
    await turns(5);

    for (const round of rounds) {
      expect([...round].sort(), 'indexes of one round').toEqual(Array.from({ length: parties }, (_, i) => i));
    }
    expect(barrier.waiting, 'parties left waiting').toBe(0);
    expect(aborts.listeners(), 'abort listeners left').toBe(0);
    expect(rounds.length + broken, 'something happened').toBeGreaterThan(0);
  });
});
