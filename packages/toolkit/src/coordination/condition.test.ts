import { describe, expect, it } from 'vitest';
import { Condition } from './condition.ts';
import { Mutex } from './mutex.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { turns } from '../testing/microtasks.ts';

describe('Condition', () => {
  it('wait() releases the lock while waiting and holds it again when it returns', async () => {
    const condition = new Condition();
    const permit = await condition.lock();
    let returned = false;
    const waiting = condition.wait().then(() => {
      returned = true;
      expect(condition.locked).toBe(true);
    });
    expect(condition.locked).toBe(false); // released while waiting
    const other = await condition.lock();
    condition.notify();
    await turns(20);
    expect(returned).toBe(false); // notified, but the lock is still held by `other`
    other.release();
    await waiting;
    expect(returned).toBe(true);
    permit.release(); // the waiter's own permit releases the re-acquired lock
    expect(condition.locked).toBe(false);
  });

  it('wait() without holding the lock rejects and does not enqueue', async () => {
    const condition = new Condition();
    await expect(condition.wait()).rejects.toThrow(/lock is not held/);
    expect(condition.waiting).toBe(0);
  });

  it('notify(n) wakes n waiters, FIFO; notifyAll() wakes the rest', async () => {
    const condition = new Condition();
    const order: number[] = [];
    const waiters = [1, 2, 3, 4].map(async (n) => {
      const permit = await condition.lock();
      await condition.wait();
      order.push(n);
      permit.release();
    });
    await turns(20);
    expect(condition.waiting).toBe(4);
    let permit = await condition.lock();
    condition.notify(2);
    permit.release();
    await turns(20);
    expect(order).toEqual([1, 2]);
    expect(condition.waiting).toBe(2);
    permit = await condition.lock();
    condition.notifyAll();
    permit.release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(condition.locked).toBe(false);
  });

  it('notify() with nobody waiting is a no-op; notify() without the lock throws', async () => {
    const condition = new Condition();
    expect(() => condition.notify()).toThrow(/lock is not held/);
    const permit = await condition.lock();
    condition.notify(3);
    expect(() => condition.notify(-1)).toThrow(RangeError);
    permit.release();
  });

  it('aborted while waiting: leaves the queue, re-acquires the lock, then rejects with the reason', async () => {
    const condition = new Condition();
    const counted = countedAbortController();
    const permit = await condition.lock();
    const waiting = condition.wait({ signal: counted.signal });
    const blocker = await condition.lock(); // someone else holds the lock when the abort comes
    const reason = new Error('stop');
    let settled = false;
    const outcome = waiting.then(
      () => 'resolved',
      (e: unknown) => ((settled = true), e),
    );
    counted.abort(reason);
    expect(condition.waiting).toBe(0);
    await turns(20);
    expect(settled).toBe(false); // it must hold the lock again before rejecting
    blocker.release();
    expect(await outcome).toBe(reason);
    expect(condition.locked).toBe(true); // held again, by the aborted waiter's permit
    expect(counted.listeners()).toBe(0);
    permit.release();
    expect(condition.locked).toBe(false);
  });

  it('an already aborted signal rejects without releasing the lock', async () => {
    const condition = new Condition();
    const permit = await condition.lock();
    const reason = new Error('before');
    await expect(condition.wait({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(condition.locked).toBe(true);
    expect(condition.waiting).toBe(0);
    permit.release();
  });

  it('an aborted waiter does not swallow a notify meant for the next one', async () => {
    const condition = new Condition();
    const abort = new AbortController();
    const woke: string[] = [];
    const a = (async () => {
      const p = await condition.lock();
      try {
        await condition.wait({ signal: abort.signal });
        woke.push('a');
      } catch {
        woke.push('a aborted');
      } finally {
        p.release();
      }
    })();
    const b = (async () => {
      const p = await condition.lock();
      await condition.wait();
      woke.push('b');
      p.release();
    })();
    await turns(20);
    abort.abort();
    const p = await condition.lock();
    condition.notify();
    p.release();
    await Promise.all([a, b]);
    expect(woke).toEqual(['a aborted', 'b']);
  });

  it('waitFor(predicate) waits until the predicate holds and returns its value', async () => {
    const condition = new Condition();
    let items: number[] = [];
    const consumer = (async () => {
      const permit = await condition.lock();
      try {
        return await condition.waitFor(() => items.length >= 2 && items);
      } finally {
        permit.release();
      }
    })();
    for (const n of [1, 2]) {
      const permit = await condition.lock();
      items = [...items, n];
      condition.notifyAll();
      permit.release();
      await turns(20);
    }
    await expect(consumer).resolves.toEqual([1, 2]);
  });

  it('shares a given Mutex: holding the mutex is holding the condition', async () => {
    const mutex = new Mutex();
    const condition = new Condition(mutex);
    const permit = await mutex.lock();
    expect(condition.locked).toBe(true);
    permit.release();
    expect(() => new Condition({} as Mutex)).toThrow(TypeError);
  });
});
