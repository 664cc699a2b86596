import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { asCompleted } from './as-completed.ts';
import { gate } from '../testing/microtasks.ts';

describe('asCompleted()', () => {
  it('yields values in the order the promises settle', async () => {
    const [a, b, c] = [gate<string>(), gate<string>(), gate<string>()];
    const it = asCompleted([a.promise, b.promise, c.promise]);
    const out: string[] = [];
    const done = (async () => {
      for await (const v of it) out.push(v);
    })();
    b.resolve('b');
    await Promise.resolve();
    c.resolve('c');
    await Promise.resolve();
    a.resolve('a');
    await done;
    expect(out).toEqual(['b', 'c', 'a']);
  });

  it('treats plain values as already fulfilled and ends on an empty input', async () => {
    const out: number[] = [];
    for await (const v of asCompleted([1, Promise.resolve(2)])) out.push(v);
    expect(out.sort()).toEqual([1, 2]);
    for await (const _ of asCompleted([])) throw new Error('unreachable');
  });

  it('rejects with the error itself at its turn, and other rejections are handled', async () => {
    const boom = new Error('boom');
    const other = gate<number>();
    const it = asCompleted([Promise.resolve(1), Promise.reject(boom), other.promise]);
    expect(await it.next()).toEqual({ done: false, value: 1 });
    await expect(it.next()).rejects.toBe(boom);
    expect(await it.next()).toEqual({ done: true, value: undefined });
    other.reject(new Error('late, but handled')); // vitest fails the run on an unhandled rejection
  });

  it('an abort ends a waiting next() with the reason and leaves no listener', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const { signal } = controller;
    const listeners = () => getEventListeners(signal, 'abort').length;
    const first = gate<number>();
    const it = asCompleted([first.promise, new Promise<number>(() => {})], { signal });
    const p1 = it.next();
    first.resolve(1);
    expect(await p1).toEqual({ done: false, value: 1 });
    expect(listeners()).toBe(0);
    const p2 = it.next();
    await Promise.resolve();
    controller.abort(reason);
    await expect(p2).rejects.toBe(reason);
    expect(listeners()).toBe(0);
  });

  it('checks its inputs at once', () => {
    expect(() => asCompleted(3 as unknown as number[])).toThrow(/promises must be an iterable, got number/);
    expect(() => asCompleted([], { signal: 'x' as unknown as AbortSignal })).toThrow(/options\.signal must be an AbortSignal/);
  });
});
