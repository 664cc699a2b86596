import { describe, expect, it } from 'vitest';
import { Future } from '#impl/04-future';

/** A loop that only records what is scheduled; `run()` runs it, like one iteration. */
function fakeLoop() {
  const ready: (() => void)[] = [];
  return {
    callSoon(callback: () => void) {
      ready.push(callback);
    },
    get scheduled() {
      return ready.length;
    },
    run() {
      for (const callback of ready.splice(0)) callback();
    },
  };
}

describe('Future', () => {
  it('schedules its callbacks with callSoon when settled — not one runs inside setResult()', () => {
    const loop = fakeLoop();
    const future = new Future<number>(loop);
    const seen: string[] = [];
    future.addDoneCallback((f) => seen.push(`first sees ${f.result()}`));
    future.addDoneCallback((f) => seen.push(`second sees ${f.result()}`));
    future.setResult(42);
    seen.push('setResult returned');
    expect(seen).toEqual(['setResult returned']);
    expect(loop.scheduled).toBe(2);
    loop.run();
    expect(seen).toEqual(['setResult returned', 'first sees 42', 'second sees 42']);
  });

  it('schedules a callback added after it is done, too', () => {
    const loop = fakeLoop();
    const future = new Future<string>(loop);
    future.setResult('x');
    const seen: string[] = [];
    future.addDoneCallback((f) => seen.push(f.result()));
    expect(seen).toEqual([]);
    loop.run();
    expect(seen).toEqual(['x']);
  });

  it('result() throws before it is done, and rethrows the exception it failed with', () => {
    const loop = fakeLoop();
    const future = new Future<number>(loop);
    expect(future.done()).toBe(false);
    expect(() => future.result()).toThrow(/not done/);
    const boom = new Error('boom');
    future.setException(boom);
    expect(future.done()).toBe(true);
    expect(() => future.result()).toThrow(boom);
  });

  it('settles once: a second setResult or setException throws', () => {
    const future = new Future<number>(fakeLoop());
    future.setResult(1);
    expect(() => future.setResult(2)).toThrow();
    expect(() => future.setException(new Error('late'))).toThrow();
    expect(future.result()).toBe(1);
  });

  it('a callback that settles another future does not run inside the first setResult', () => {
    const loop = fakeLoop();
    const a = new Future<number>(loop);
    const b = new Future<number>(loop);
    const seen: string[] = [];
    a.addDoneCallback((f) => b.setResult(f.result() + 1));
    b.addDoneCallback((f) => seen.push(`b = ${f.result()}`));
    a.setResult(1);
    expect(b.done()).toBe(false);
    loop.run();
    expect(b.done()).toBe(true);
    expect(seen).toEqual([]);
    loop.run();
    expect(seen).toEqual(['b = 2']);
  });
});
