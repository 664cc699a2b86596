import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.ts';
import { OwnedPermit } from './permit.ts';
import type { Permit } from './permit.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { turns } from '../testing/microtasks.ts';

describe('Mutex', () => {
  it('lock() on a free mutex resolves at once with a Permit', async () => {
    const mutex = new Mutex();
    const permit = await mutex.lock();
    expect(permit).toBeInstanceOf(OwnedPermit);
    expect(mutex.locked).toBe(true);
    permit.release();
    expect(mutex.locked).toBe(false);
  });

  it('hands the lock to waiters in FIFO order', async () => {
    const mutex = new Mutex();
    const first = await mutex.lock();
    const order: number[] = [];
    const all = [1, 2, 3, 4].map((n) =>
      mutex.lock().then((permit) => {
        order.push(n);
        permit.release();
      }),
    );
    expect(mutex.waiting).toBe(4);
    first.release();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(mutex.locked).toBe(false);
  });

  it('tryLock() right after release() fails while waiters are queued (no barging)', async () => {
    const mutex = new Mutex();
    const first = mutex.tryLock()!;
    const second = mutex.lock();
    first.release();
    expect(mutex.locked).toBe(true);
    expect(mutex.tryLock()).toBeUndefined();
    (await second).release();
    expect(mutex.tryLock()).toBeInstanceOf(OwnedPermit);
  });

  it('release() twice is a no-op: the second call does not free the next holder', async () => {
    const mutex = new Mutex();
    const first = await mutex.lock();
    const secondPromise = mutex.lock();
    first.release();
    const second = await secondPromise;
    first.release(); // stale: must not unlock the mutex held by `second`
    expect(mutex.locked).toBe(true);
    expect(first.released).toBe(true);
    expect(second.released).toBe(false);
    second.release();
    expect(mutex.locked).toBe(false);
  });

  it('`using` releases the permit at the end of the block', async () => {
    const mutex = new Mutex();
    {
      using permit = await mutex.lock();
      expect(permit.released).toBe(false);
      expect(mutex.locked).toBe(true);
    }
    expect(mutex.locked).toBe(false);
  });

  it('lock() with an aborted signal rejects with its reason and takes nothing, even when free', async () => {
    const mutex = new Mutex();
    const counted = countedAbortController();
    const reason = new Error('stop');
    counted.abort(reason);
    await expect(mutex.lock({ signal: counted.signal })).rejects.toBe(reason);
    expect(mutex.locked).toBe(false);
    expect(counted.added()).toBe(0);
  });

  it('aborting a waiter removes it from the queue before rejecting, and leaves no listener', async () => {
    const mutex = new Mutex();
    const held = await mutex.lock();
    const counted = countedAbortController();
    const aborted = mutex.lock({ signal: counted.signal });
    const next = mutex.lock();
    expect(mutex.waiting).toBe(2);
    expect(counted.listeners()).toBe(1);
    const reason = new Error('gave up');
    let waitingWhenRejected = -1;
    const seen = aborted.catch((error: unknown) => {
      waitingWhenRejected = mutex.waiting;
      return error;
    });
    counted.abort(reason);
    expect(mutex.waiting).toBe(1); // removed synchronously by the abort
    expect(await seen).toBe(reason);
    expect(waitingWhenRejected).toBe(1);
    expect(counted.listeners()).toBe(0);
    held.release();
    const permit = await next; // the aborted waiter was skipped, not handed the lock
    permit.release();
    expect(mutex.locked).toBe(false);
  });

  it('a waiter that got the lock removes its abort listener; a later abort changes nothing', async () => {
    const mutex = new Mutex();
    const held = await mutex.lock();
    const counted = countedAbortController();
    const waiting = mutex.lock({ signal: counted.signal });
    held.release();
    const permit = await waiting;
    expect(counted.listeners()).toBe(0);
    counted.abort();
    expect(mutex.locked).toBe(true);
    permit.release();
    expect(mutex.locked).toBe(false);
  });

  it('aborting the middle waiter of three keeps the others in order', async () => {
    const mutex = new Mutex();
    const held = await mutex.lock();
    const order: string[] = [];
    const middle = new AbortController();
    const a = mutex.lock().then((p) => (order.push('a'), p.release()));
    const b = mutex.lock({ signal: middle.signal }).then(
      (p) => (order.push('b'), p.release()),
      () => order.push('b aborted'),
    );
    const c = mutex.lock().then((p) => (order.push('c'), p.release()));
    middle.abort();
    held.release();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['b aborted', 'a', 'c']);
  });

  it('runExclusive() serialises critical sections and releases on success and failure', async () => {
    const mutex = new Mutex();
    let inside = 0;
    let peak = 0;
    const section = async (fail: boolean): Promise<string> => {
      peak = Math.max(peak, ++inside);
      await turns();
      inside--;
      if (fail) throw new Error('boom');
      return 'ok';
    };
    const results = await Promise.allSettled([
      mutex.runExclusive(() => section(false)),
      mutex.runExclusive(() => section(true)),
      mutex.runExclusive(() => section(false)),
    ]);
    expect(peak).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(mutex.locked).toBe(false);
  });

  it('runExclusive() turns a synchronous throw into a rejection and releases the lock', async () => {
    const mutex = new Mutex();
    const result = mutex.runExclusive(() => {
      throw new Error('sync');
    });
    await expect(result).rejects.toThrow('sync');
    expect(mutex.locked).toBe(false);
  });

  it('runExclusive() rejects (never throws) when fn is not a function', async () => {
    const mutex = new Mutex();
    const result = mutex.runExclusive(42 as unknown as () => void);
    await expect(result).rejects.toThrow(/fn must be a function, got 42/);
  });

  it('lock() rejects (never throws) on bad options, naming them', async () => {
    const mutex = new Mutex();
    await expect(mutex.lock(5 as unknown as object)).rejects.toThrow(/options must be an object/);
    await expect(mutex.lock({ signal: 'x' as unknown as AbortSignal })).rejects.toThrow(/options.signal must be an AbortSignal/);
    expect(mutex.locked).toBe(false);
  });

  it('stays O(1): 100 000 queued waiters drain in FIFO order', async () => {
    const mutex = new Mutex();
    const held = await mutex.lock();
    const n = 100_000;
    let expected = 0;
    let inOrder = true;
    const all: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      all.push(
        mutex.lock().then((permit) => {
          if (i !== expected++) inOrder = false;
          permit.release();
        }),
      );
    }
    held.release();
    await Promise.all(all);
    expect(inOrder).toBe(true);
    expect(expected).toBe(n);
  });
});
