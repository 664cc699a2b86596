import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './sleep.ts';
import { countedAbortController } from '../testing/counted-signal.ts';

describe('sleep', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fulfils after ms and not before', async () => {
    let done = false;
    const nap = sleep(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await nap;
    expect(done).toBe(true);
  });

  it('rejects with the signal reason when aborted, clearing its timer and listener', async () => {
    const counted = countedAbortController();
    const nap = sleep(1_000, { signal: counted.signal });
    expect(vi.getTimerCount()).toBe(1);
    expect(counted.listeners()).toBe(1);
    const reason = new Error('wake');
    counted.abort(reason);
    await expect(nap).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(counted.listeners()).toBe(0);
  });

  it('removes its listener when it fulfils', async () => {
    const counted = countedAbortController();
    const nap = sleep(10, { signal: counted.signal });
    await vi.advanceTimersByTimeAsync(10);
    await nap;
    expect(counted.listeners()).toBe(0);
  });

  it('rejects at once with an already aborted signal and starts no timer', async () => {
    const reason = new Error('already');
    await expect(sleep(10, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects (never throws) with a RangeError naming ms for a number out of range, a TypeError for a non-number', async () => {
    await expect(sleep(-1)).rejects.toThrow(/ms must be .*got -1/);
    await expect(sleep(Number.NaN)).rejects.toThrow(RangeError);
    await expect(sleep(Infinity)).rejects.toThrow(RangeError);
    await expect(sleep('5' as unknown as number)).rejects.toBeInstanceOf(TypeError);
    await expect(sleep('5' as unknown as number)).rejects.toThrow(/sleep\(\): ms must be a number of ms from 0 to 2147483647 \(2\*\*31 - 1\), got "5"/);
  });
});
