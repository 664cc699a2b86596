import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLimiter, LimiterClearedError } from './create-limiter.ts';
import { gate, turns } from '../testing/microtasks.ts';

describe('createLimiter()', () => {
  it('throws a RangeError naming concurrency for a number out of range, a TypeError for a non-number (the package rule)', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53, -Infinity]) {
      expect(() => createLimiter(bad)).toThrow(RangeError);
      expect(() => createLimiter(bad)).toThrow(/createLimiter: concurrency must be an integer from 1 to 2\*\*53 - 1 or Infinity, got/);
    }
    for (const bad of ['2', undefined, null]) {
      expect(() => createLimiter(bad as unknown as number)).toThrow(TypeError);
      expect(() => createLimiter(bad as unknown as number)).toThrow(/createLimiter: concurrency must be an integer/);
    }
    expect(() => createLimiter(Infinity)).not.toThrow();
    expect(() => createLimiter(2 ** 53 - 1)).not.toThrow();
  });

  it('never runs more than concurrency calls at once, and runs them all', async () => {
    const limit = createLimiter(3);
    const gates = Array.from({ length: 10 }, () => gate<number>());
    let running = 0;
    let peak = 0;
    const results = gates.map((g, i) =>
      limit(async () => {
        peak = Math.max(peak, ++running);
        const v = await g.promise;
        running--;
        return v + i;
      }),
    );
    expect(limit.activeCount).toBe(3);
    expect(limit.pendingCount).toBe(7);
    for (const g of gates) {
      g.resolve(100);
      await turns();
    }
    expect(await Promise.all(results)).toEqual(gates.map((_, i) => 100 + i));
    expect(peak).toBe(3);
    expect(limit.activeCount).toBe(0);
    expect(limit.pendingCount).toBe(0);
  });

  it('starts queued calls in first-in, first-out order', async () => {
    const limit = createLimiter(1);
    const order: number[] = [];
    const first = gate();
    const calls = [limit(() => first.promise)];
    for (let i = 0; i < 5; i++) calls.push(limit(async () => void order.push(i)));
    first.resolve();
    await Promise.all(calls);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes the arguments through and settles like fn', async () => {
    const limit = createLimiter(2);
    await expect(limit((a: number, b: string) => `${a}${b}`, 1, 'x')).resolves.toBe('1x');
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('turns a synchronous throw into a rejection and frees the slot', async () => {
    const limit = createLimiter(1);
    const p = limit(() => {
      throw new RangeError('sync');
    });
    await expect(p).rejects.toThrow(RangeError);
    expect(limit.activeCount).toBe(0);
    await expect(limit(() => 'next')).resolves.toBe('next');
  });

  it('frees the slot of a failed call for the next one', async () => {
    const limit = createLimiter(1);
    const failing = gate();
    const a = limit(() => failing.promise);
    const b = limit(() => 'b ran');
    expect(limit.pendingCount).toBe(1);
    failing.reject(new Error('a failed'));
    await expect(a).rejects.toThrow('a failed');
    await expect(b).resolves.toBe('b ran');
  });

  it('rejects (never throws) when fn is not a function', async () => {
    const limit = createLimiter(1);
    const p = limit(42 as unknown as () => void);
    await expect(p).rejects.toThrow(/limit: fn must be a function, got 42/);
  });

  it('raising concurrency starts queued calls at once', async () => {
    const limit = createLimiter(1);
    const hold = gate();
    let started = 0;
    const calls = Array.from({ length: 4 }, () =>
      limit(async () => {
        started++;
        await hold.promise;
      }),
    );
    expect(started).toBe(1);
    limit.concurrency = 3;
    expect(started).toBe(3);
    expect(limit.activeCount).toBe(3);
    expect(limit.pendingCount).toBe(1);
    hold.resolve();
    await Promise.all(calls);
    expect(started).toBe(4);
  });

  it('lowering concurrency lets running calls finish and starts no new one above the limit', async () => {
    const limit = createLimiter(3);
    const gates = Array.from({ length: 5 }, () => gate());
    let running = 0;
    let peakAfter = 0;
    let lowered = false;
    const calls = gates.map((g) =>
      limit(async () => {
        running++;
        if (lowered) peakAfter = Math.max(peakAfter, running);
        await g.promise;
        running--;
      }),
    );
    limit.concurrency = 1;
    lowered = true;
    expect(limit.activeCount).toBe(3);
    for (const g of gates) {
      g.resolve();
      await turns();
    }
    await Promise.all(calls);
    expect(peakAfter).toBe(1);
  });

  it('rejects a bad concurrency assignment and keeps the old value', () => {
    const limit = createLimiter(2);
    expect(() => {
      limit.concurrency = 0;
    }).toThrow(/concurrency must be an integer from 1 to 2\*\*53 - 1 or Infinity, got 0/);
    expect(limit.concurrency).toBe(2);
  });

  it('clearQueue() rejects every queued call with LimiterClearedError and leaves running ones alone', async () => {
    const limit = createLimiter(1);
    const hold = gate<string>();
    const running = limit(() => hold.promise);
    const queued = [limit(() => 'x'), limit(() => 'y'), limit.run(() => 'z')];
    expect(limit.pendingCount).toBe(3);
    limit.clearQueue();
    expect(limit.pendingCount).toBe(0);
    for (const q of queued) await expect(q).rejects.toBeInstanceOf(LimiterClearedError);
    hold.resolve('done');
    await expect(running).resolves.toBe('done');
    expect(limit.activeCount).toBe(0);
  });

  it('a call made from a clearQueue() rejection handler still runs', async () => {
    const limit = createLimiter(1);
    const hold = gate();
    void limit(() => hold.promise);
    const late = limit(() => 'cleared').catch(() => limit(() => 'requeued'));
    limit.clearQueue();
    hold.resolve();
    await expect(late).resolves.toBe('requeued');
  });
});

describe('limit.run()', () => {
  it('hands fn a signal that is not aborted when the call runs normally', async () => {
    const limit = createLimiter(1);
    let seen: AbortSignal | undefined;
    await limit.run((signal) => {
      seen = signal;
      return 1;
    });
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(seen?.aborted).toBe(false);
  });

  it('rejects at once with the reason of an already aborted signal and never calls fn', async () => {
    const limit = createLimiter(1);
    let called = false;
    const reason = new Error('already');
    await expect(limit.run(() => (called = true), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(called).toBe(false);
    expect(limit.activeCount + limit.pendingCount).toBe(0);
  });

  it('aborting a queued call removes it from the queue before it rejects, and the next one takes its turn', async () => {
    const limit = createLimiter(1);
    const hold = gate();
    void limit(() => hold.promise);
    const controller = new AbortController();
    let called = false;
    const aborted = limit.run(() => (called = true), { signal: controller.signal });
    const after = limit(() => 'after');
    expect(limit.pendingCount).toBe(2);
    const reason = new Error('leave the queue');
    let pendingWhenRejected = -1;
    const observed = aborted.catch((e: unknown) => {
      pendingWhenRejected = limit.pendingCount;
      throw e;
    });
    controller.abort(reason);
    expect(limit.pendingCount).toBe(1);
    await expect(observed).rejects.toBe(reason);
    expect(pendingWhenRejected).toBe(1);
    hold.resolve();
    await expect(after).resolves.toBe('after');
    expect(called).toBe(false);
  });

  it('aborting a running call aborts the signal handed to fn and rejects with the reason', async () => {
    const limit = createLimiter(1);
    const controller = new AbortController();
    let inner: AbortSignal | undefined;
    const finish = gate();
    const call = limit.run(
      async (signal) => {
        inner = signal;
        await finish.promise;
        return 'ignored its signal';
      },
      { signal: controller.signal },
    );
    const reason = new Error('stop');
    controller.abort(reason);
    expect(inner?.aborted).toBe(true);
    expect(inner?.reason).toBe(reason);
    await expect(call).rejects.toBe(reason);
    // The work has not settled yet, so its slot is still taken: the bound holds.
    expect(limit.activeCount).toBe(1);
    const next = limit(() => 'next');
    expect(limit.pendingCount).toBe(1);
    finish.resolve();
    await expect(next).resolves.toBe('next');
    expect(limit.activeCount).toBe(0);
  });

  it('leaves no abort listener on the caller signal once the call settled', async () => {
    const limit = createLimiter(1);
    const controller = new AbortController();
    const { signal } = controller;
    const listeners = () => getEventListeners(signal, 'abort').length;
    await limit.run(() => 'ok', { signal });
    await expect(limit.run(() => Promise.reject(new Error('no')), { signal })).rejects.toThrow('no');
    const hold = gate();
    void limit(() => hold.promise);
    const queued = limit.run(() => 'q', { signal });
    limit.clearQueue();
    await expect(queued).rejects.toBeInstanceOf(LimiterClearedError);
    hold.resolve();
    expect(listeners()).toBe(0);
    // and while a call waits, exactly one listener is there
    const hold2 = gate();
    void limit(() => hold2.promise);
    const waiting = limit.run(() => 'w', { signal });
    expect(listeners()).toBe(1);
    hold2.resolve();
    await waiting;
    expect(listeners()).toBe(0);
  });

  it('rejects a non-AbortSignal signal with a TypeError naming options.signal', async () => {
    const limit = createLimiter(1);
    await expect(limit.run(() => 1, { signal: {} as AbortSignal })).rejects.toThrow(/options\.signal must be an AbortSignal/);
  });
});
