import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from './deferred.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { withTimeout } from './with-timeout.ts';

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
});
