import { describe, expect, it } from 'vitest';
import { OwnedPermit } from './permit.ts';
import type { Permit } from './permit.ts';
import { Semaphore } from './semaphore.ts';
import { countedAbortController } from '../testing/counted-signal.ts';

describe('Semaphore', () => {
  it('checks permits first, naming the parameter and the value', () => {
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(/permits must be an integer from 1 to 2\*\*53 - 1, got 1.5/);
    expect(() => new Semaphore(0)).toThrow(/permits must be an integer from 1 to 2\*\*53 - 1, got 0 \(no permit could ever be acquired/);
    expect(() => new Semaphore('2' as unknown as number)).toThrow(/got "2"/);
    expect(() => new Semaphore('2' as unknown as number)).toThrow(TypeError);
  });

  it('lets `permits` holders in at once and queues the rest', async () => {
    const semaphore = new Semaphore(2);
    const a = await semaphore.acquire();
    const b = await semaphore.acquire();
    expect(semaphore.available).toBe(0);
    expect(semaphore.tryAcquire()).toBeUndefined();
    let third: Permit | undefined;
    const waiting = semaphore.acquire().then((p) => (third = p));
    expect(semaphore.waiting).toBe(1);
    await Promise.resolve();
    expect(third).toBeUndefined();
    a.release();
    await waiting;
    expect(third).toBeInstanceOf(OwnedPermit);
    expect(semaphore.available).toBe(0);
    b.release();
    third!.release();
    expect(semaphore.available).toBe(2);
  });

  it('hands permits to waiters in FIFO order, with no barging by tryAcquire()', async () => {
    const semaphore = new Semaphore(1);
    const held = semaphore.tryAcquire()!;
    const order: number[] = [];
    const all = [1, 2, 3].map((n) => semaphore.acquire().then((p) => (order.push(n), p.release())));
    held.release();
    expect(semaphore.available).toBe(0);
    expect(semaphore.tryAcquire()).toBeUndefined();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3]);
    expect(semaphore.available).toBe(1);
  });

  it('release() twice returns one permit only', async () => {
    const semaphore = new Semaphore(2);
    const permit = await semaphore.acquire();
    permit.release();
    permit.release();
    permit[Symbol.dispose]();
    expect(semaphore.available).toBe(2);
  });

  it('aborting a waiter removes it before rejecting with the reason, leaving no listener', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    const counted = countedAbortController();
    const aborted = semaphore.acquire({ signal: counted.signal });
    const reason = new Error('stop');
    let waitingWhenRejected = -1;
    const seen = aborted.catch((e: unknown) => ((waitingWhenRejected = semaphore.waiting), e));
    counted.abort(reason);
    expect(await seen).toBe(reason);
    expect(waitingWhenRejected).toBe(0);
    expect(counted.listeners()).toBe(0);
    held.release();
    expect(semaphore.available).toBe(1); // nobody was handed the permit
  });

  it('an already aborted signal rejects at once and takes no permit', async () => {
    const semaphore = new Semaphore(1);
    const reason = new Error('before');
    await expect(semaphore.acquire({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(semaphore.available).toBe(1);
  });

  it('withPermit() bounds concurrency and gives the permit back on failure', async () => {
    const semaphore = new Semaphore(2);
    let inside = 0;
    let peak = 0;
    const work = async (n: number): Promise<number> => {
      peak = Math.max(peak, ++inside);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      inside--;
      if (n === 3) throw new Error('three');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => semaphore.withPermit(() => work(n))));
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(semaphore.available).toBe(2);
    await expect(semaphore.withPermit(null as unknown as () => void)).rejects.toThrow(TypeError);
  });

  it('acquire() rejects (never throws) on bad options and takes nothing', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.acquire(null as unknown as object)).rejects.toThrow(TypeError);
    expect(semaphore.available).toBe(1);
  });
});
