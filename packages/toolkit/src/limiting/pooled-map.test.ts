import { describe, expect, it } from 'vitest';
import { pooledMap } from './pooled-map.ts';
import { gate, turns } from '../testing/microtasks.ts';

/** Rejects with signal.reason when aborted, else waits for `until`. */
function abortable<T>(signal: AbortSignal, until: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    until.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    }, reject);
  });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of it) out.push(v);
  return out;
}

describe('pooledMap()', () => {
  it('yields results in input order even when later items finish first', async () => {
    const gates = [gate<string>(), gate<string>(), gate<string>()];
    const done = collect(pooledMap([0, 1, 2], (i) => gates[i]!.promise, { concurrency: 3 }));
    gates[2]!.resolve('c');
    gates[1]!.resolve('b');
    await turns(20);
    gates[0]!.resolve('a');
    expect(await done).toEqual(['a', 'b', 'c']);
  });

  it('keeps at most concurrency items in progress or waiting to be yielded', async () => {
    const gates = Array.from({ length: 6 }, () => gate<number>());
    let started = 0;
    const it = pooledMap([0, 1, 2, 3, 4, 5], (i) => {
      started++;
      return gates[i]!.promise;
    }, { concurrency: 2 });
    const first = it.next();
    await turns(20);
    expect(started).toBe(2);
    gates[1]!.resolve(1); // finished but not yielded: still holds its place in the window
    await turns(20);
    expect(started).toBe(2);
    gates[0]!.resolve(0);
    expect(await first).toEqual({ done: false, value: 0 });
    expect(started).toBe(3);
    for (const g of gates.slice(2)) g.resolve(9);
    expect(await collect({ [Symbol.asyncIterator]: () => it })).toEqual([1, 9, 9, 9, 9]);
    expect(started).toBe(6);
  });

  it('starts nothing before the first next()', async () => {
    let started = 0;
    const it = pooledMap([1, 2], async (x) => ((started++), x));
    await turns(20);
    expect(started).toBe(0);
    expect(await collect(it)).toEqual([1, 2]);
  });

  it('accepts async iterables and sync throws become failures', async () => {
    async function* source() {
      yield 1;
      yield 2;
    }
    expect(await collect(pooledMap(source(), async (x) => x * 10))).toEqual([10, 20]);
    const boom = new Error('sync');
    await expect(collect(pooledMap([1], () => {
      throw boom;
    }))).rejects.toBe(boom);
  });

  it('the first failure aborts the calls in progress and the iteration rejects with that error itself, after they settled', async () => {
    const failure = new Error('item 2 failed');
    const hold = gate<string>();
    const signals: AbortSignal[] = [];
    let settledAfterAbort = 0;
    const failing = gate<string>();
    const it = pooledMap([0, 1, 2, 3], async (i, signal) => {
      signals.push(signal);
      if (i === 2) return failing.promise;
      try {
        return await abortable(signal, hold.promise);
      } finally {
        settledAfterAbort++;
      }
    }, { concurrency: 3 });
    const result = collect(it);
    await turns(20);
    expect(signals).toHaveLength(3); // item 3 never starts
    failing.reject(failure);
    await expect(result).rejects.toBe(failure);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(DOMException);
    expect(settledAfterAbort).toBe(2);
  });

  it('reports the first failure in time, not in input order', async () => {
    const late = gate<never>();
    const early = gate<never>();
    const first = new Error('first in time');
    const result = collect(pooledMap([0, 1], (i) => (i === 0 ? late.promise : early.promise), { concurrency: 2 }));
    early.reject(first);
    await turns(20);
    late.reject(new Error('second'));
    await expect(result).rejects.toBe(first);
  });

  it('breaking out of for await aborts the work in progress and closes the input', async () => {
    const signals: AbortSignal[] = [];
    let inputClosed = false;
    function* input() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        inputClosed = true;
      }
    }
    const never = new Promise<number>(() => {});
    let cleanedUp = 0;
    for await (const v of pooledMap(input(), async (i, signal) => {
      signals.push(signal);
      if (i === 0) return 0;
      try {
        return await abortable(signal, never);
      } finally {
        await turns(20); // cleanup that takes a while: the loop must still wait for it
        cleanedUp++;
      }
    }, { concurrency: 3 })) {
      expect(v).toBe(0);
      break;
    }
    expect(signals.length).toBeGreaterThanOrEqual(3);
    expect(cleanedUp).toBe(signals.length - 1);
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(inputClosed).toBe(true);
  });

  it('an aborted signal aborts the work and the iteration rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by caller');
    const never = new Promise<number>(() => {});
    const result = collect(pooledMap([1, 2], (_, signal) => abortable(signal, never), { signal: controller.signal }));
    await turns(20);
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
    await expect(collect(pooledMap([1], async (x) => x, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
  });

  it('an abort while the input is being read rejects with the reason instead of ending quietly', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const first = gate<void>();
    async function* slowInput() {
      await first.promise;
      yield 1;
    }
    const result = collect(pooledMap(slowInput(), async (x) => x, { signal: controller.signal }));
    await turns(20);
    controller.abort(reason);
    first.resolve();
    await expect(result).rejects.toBe(reason);
  });

  it('an input iterator that throws fails the iteration with that error', async () => {
    const broken = new Error('input broke');
    async function* source() {
      yield 1;
      throw broken;
    }
    await expect(collect(pooledMap(source(), async (x) => x))).rejects.toBe(broken);
  });

  it('checks its inputs at once and names the parameter', () => {
    expect(() => pooledMap(5 as unknown as number[], async (x) => x)).toThrow(/items must be an iterable or async iterable, got 5/);
    expect(() => pooledMap([1], 'f' as unknown as () => number)).toThrow(/fn must be a function, got "f"/);
    expect(() => pooledMap([1], async (x) => x, { concurrency: 0 })).toThrow(/options\.concurrency must be an integer from 1 to 2\*\*53 - 1 or Infinity, got 0/);
    expect(() => pooledMap([1], async (x) => x, { signal: {} as AbortSignal })).toThrow(/options\.signal must be an AbortSignal/);
  });
});
