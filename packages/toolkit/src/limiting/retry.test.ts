import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, retry } from './retry.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backoffDelay()', () => {
  it('doubles from minDelayMs up to maxDelayMs without jitter', () => {
    const o = { minDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0, random: () => 0.9 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, o))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('makes the top jitter share of the delay random', () => {
    const o = { minDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0.5, random: () => 0.5 };
    expect(backoffDelay(2, o)).toBe(150);
    expect(backoffDelay(2, { ...o, jitter: 1, random: () => 0.25 })).toBe(150);
  });
});

describe('retry()', () => {
  it('returns the first success and counts attempts from 1', async () => {
    const attempts: number[] = [];
    const p = retry(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error('not yet');
      return 'ok';
    }, { minDelayMs: 100, jitter: 0 });
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe('ok');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('waits the backoff between attempts (virtual time)', async () => {
    const times: number[] = [];
    const start = Date.now();
    const p = retry(async () => {
      times.push(Date.now() - start);
      throw new Error('always');
    }, { maxAttempts: 4, minDelayMs: 100, factor: 3, jitter: 0 }).catch(() => {});
    await vi.runAllTimersAsync();
    await p;
    expect(times).toEqual([0, 100, 400, 1300]);
  });

  it('gives up after maxAttempts by rejecting with the last error itself', async () => {
    const errors: Error[] = [];
    const p = retry(async (attempt) => {
      const e = new Error(`attempt ${attempt}`);
      errors.push(e);
      throw e;
    }, { maxAttempts: 3, minDelayMs: 10 });
    const settled = p.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await settled).toBe(errors[2]);
    expect(errors).toHaveLength(3);
  });

  it('stops at once when shouldRetry says no', async () => {
    let calls = 0;
    const fatal = new TypeError('fatal');
    await expect(retry(async () => {
      calls++;
      throw fatal;
    }, { shouldRetry: (e) => !(e instanceof TypeError) })).rejects.toBe(fatal);
    expect(calls).toBe(1);
  });

  it('an abort during the delay rejects with the reason and leaves no timer or listener', async () => {
    const controller = new AbortController();
    let calls = 0;
    const p = retry(async () => {
      calls++;
      throw new Error('fail');
    }, { minDelayMs: 1000, jitter: 0, signal: controller.signal });
    const settled = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('stop retrying');
    controller.abort(reason);
    expect(await settled).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(1);
  });

  it('hands fn the signal, and an abort during an attempt is not retried', async () => {
    const controller = new AbortController();
    const reason = new Error('abort');
    let calls = 0;
    const p = retry(async (_attempt, signal) => {
      calls++;
      expect(signal).toBe(controller.signal);
      controller.abort(reason);
      throw new Error('the attempt failed because of the abort');
    }, { signal: controller.signal });
    await expect(p).rejects.toBe(reason);
    expect(calls).toBe(1);
    await expect(retry(async () => 1, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('leaves no listener behind after success', async () => {
    const controller = new AbortController();
    const p = retry(async (attempt) => {
      if (attempt === 1) throw new Error('once');
      return 1;
    }, { signal: controller.signal, minDelayMs: 5 });
    await vi.runAllTimersAsync();
    await p;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects (never throws) for bad options, naming them', async () => {
    const fn = async () => 1;
    await expect(retry(fn, { maxAttempts: 0 })).rejects.toThrow('retry: options.maxAttempts must be an integer from 1 to 2**53 - 1 or Infinity, got 0');
    await expect(retry(fn, { minDelayMs: -1 })).rejects.toThrow(/options\.minDelayMs must be a number of ms from 0 to 2147483647 \(2\*\*31 - 1\), got -1/);
    await expect(retry(fn, { minDelayMs: 50, maxDelayMs: 10 })).rejects.toThrow(/retry: options\.minDelayMs \(50\) must not exceed options\.maxDelayMs \(10\)/);
    await expect(retry(fn, { jitter: 2 })).rejects.toThrow(/options\.jitter must be a number from 0 to 1, got 2/);
    await expect(retry(fn, { factor: 0.5 })).rejects.toThrow(/options\.factor/);
    await expect(retry(null as unknown as typeof fn)).rejects.toThrow(/fn must be a function/);
  });
});
