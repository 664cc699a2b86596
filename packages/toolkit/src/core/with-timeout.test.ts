import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from './deferred.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { withTimeout } from './with-timeout.ts';
import { Mutex } from '../coordination/mutex.ts';
import { Semaphore } from '../coordination/semaphore.ts';
import { turns } from '../testing/microtasks.ts';

describe('withTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles like fn when fn finishes first, and clears its timer', async () => {
    const work = deferred<string>();
    const result = withTimeout(() => work.promise, 100);
    expect(vi.getTimerCount()).toBe(1);
    work.resolve('done');
    await expect(result).resolves.toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with a TimeoutError DOMException and aborts the signal handed to fn', async () => {
    let handed: AbortSignal | undefined;
    const result = withTimeout((signal) => {
      handed = signal;
      return new Promise<never>(() => {});
    }, 50);
    const outcome = result.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(49);
    expect(handed!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = (await outcome) as DOMException;
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('TimeoutError');
    expect(handed!.aborted).toBe(true);
    expect(handed!.reason).toBe(error);
  });

  it('passes an outer abort on to fn and rejects with its reason, leaving no listener or timer', async () => {
    const counted = countedAbortController();
    let handed: AbortSignal | undefined;
    const result = withTimeout(
      (signal) => {
        handed = signal;
        return new Promise<never>(() => {});
      },
      1_000,
      { signal: counted.signal },
    );
    const reason = new Error('outer');
    counted.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(handed!.reason).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(counted.listeners()).toBe(0);
  });

  it('does not call fn when the outer signal is already aborted', async () => {
    let called = false;
    const reason = new Error('before');
    const result = withTimeout(() => (called = true), 10, { signal: AbortSignal.abort(reason) });
    await expect(result).rejects.toBe(reason);
    expect(called).toBe(false);
  });

  it('turns a synchronous throw into a rejection and cleans up', async () => {
    const counted = countedAbortController();
    const result = withTimeout(
      () => {
        throw new Error('sync');
      },
      10,
      { signal: counted.signal },
    );
    await expect(result).rejects.toThrow('sync');
    expect(vi.getTimerCount()).toBe(0);
    expect(counted.listeners()).toBe(0);
  });

  it('rejects (never throws) on bad arguments, naming them', async () => {
    await expect(withTimeout(() => 1, -5)).rejects.toThrow(/ms must be .*got -5/);
    await expect(withTimeout('x' as unknown as () => 1, 5)).rejects.toThrow(/fn must be a function, got "x"/);
  });

  it('rejects ms beyond what setTimeout honours instead of firing after 1 ms', async () => {
    await expect(withTimeout(async () => 3, Infinity)).rejects.toThrow(RangeError);
    expect(vi.getTimerCount()).toBe(0);
  });

  describe('a value that arrives after withTimeout gave up is disposed, not leaked', () => {
    it('a Mutex permit handed over in the same tick as the abort is released (the mutex ends unlocked)', async () => {
      const mutex = new Mutex();
      const held = await mutex.lock();
      const ac = new AbortController();
      const p = withTimeout((signal) => mutex.lock({ signal }), 1000, { signal: ac.signal });
      held.release(); // the lock goes to the waiter inside withTimeout …
      ac.abort(new Error('gave up')); // … and withTimeout gives up in the same tick
      await expect(p).rejects.toThrow('gave up');
      await turns();
      expect(mutex.locked).toBe(false);
      // … and it can be taken again at once.
      expect(mutex.tryLock()).toBeDefined();
    });

    it('after a timeout, a lock acquired later is released as soon as it arrives (async-mutex has the same case)', async () => {
      const semaphore = new Semaphore(1);
      const held = await semaphore.acquire();
      // The work ignores the signal, so it still gets the permit after the deadline.
      const p = withTimeout(() => semaphore.acquire(), 10);
      vi.advanceTimersByTime(10);
      await expect(p).rejects.toMatchObject({ name: 'TimeoutError' });
      held.release();
      await turns();
      expect(semaphore.available).toBe(1);
    });

    it('calls Symbol.asyncDispose (preferred) or Symbol.dispose of a late value, and nothing of an early one', async () => {
      const calls: string[] = [];
      const late = deferred<object>();
      const p = withTimeout(() => late.promise, 10);
      vi.advanceTimersByTime(10);
      await expect(p).rejects.toMatchObject({ name: 'TimeoutError' });
      late.resolve({
        [Symbol.asyncDispose]: async () => void calls.push('async'),
        [Symbol.dispose]: () => void calls.push('sync'),
      });
      await turns();
      expect(calls).toEqual(['async']);
      const onTime = await withTimeout(async () => ({ [Symbol.dispose]: () => void calls.push('early') }), 10);
      expect(calls).toEqual(['async']);
      onTime[Symbol.dispose]();
      expect(calls).toEqual(['async', 'early']);
    });
  });
});

