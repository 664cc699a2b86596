import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.ts';

describe('VirtualClock', () => {
  it('fires timers in time order, ties in the order they were set', async () => {
    const clock = new VirtualClock();
    const order: string[] = [];
    for (const [name, ms] of [['c', 30], ['a', 10], ['b', 10], ['d', 0]] as const) {
      void clock.sleep(ms).then(() => order.push(`${name}@${clock.now()}`));
    }
    await clock.runAll();
    expect(order).toEqual(['d@0', 'a@10', 'b@10', 'c@30']);
    expect(clock.pending).toBe(0);
  });

  it('advance() fires only what is due and ends at the target time', async () => {
    const clock = new VirtualClock(5);
    let fired = 0;
    void clock.sleep(10).then(() => fired++);
    void clock.sleep(20).then(() => fired++);
    await clock.advance(10);
    expect([fired, clock.now(), clock.pending]).toEqual([1, 15, 1]);
    await clock.advance(100);
    expect([fired, clock.now(), clock.pending]).toEqual([2, 115, 0]);
  });

  it('runs timers set by callbacks, letting promise chains settle in between', async () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(2);
        await Promise.resolve();
        seen.push(clock.now());
      }
    };
    const done = loop();
    await clock.runAll();
    await done;
    expect(seen).toEqual([2, 4, 6]);
  });

  it('aborting a sleep removes its timer and rejects with the reason', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const reason = new Error('cancel');
    const s = clock.sleep(10, { signal: controller.signal });
    const keep = clock.sleep(5);
    expect(clock.pending).toBe(2);
    controller.abort(reason);
    expect(clock.pending).toBe(1);
    await expect(s).rejects.toBe(reason);
    await clock.runAll();
    await keep;
    await expect(clock.sleep(1, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(clock.pending).toBe(0);
  });

  it('keeps heap order when timers in the middle are removed', async () => {
    const clock = new VirtualClock();
    const order: number[] = [];
    const controllers: AbortController[] = [];
    for (let i = 0; i < 50; i++) {
      const c = new AbortController();
      controllers.push(c);
      const ms = (i * 37) % 50;
      clock.sleep(ms, { signal: c.signal }).then(() => order.push(ms), () => {});
    }
    for (let i = 0; i < 50; i += 3) controllers[i]!.abort();
    await clock.runAll();
    const expected = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 !== 0).map((i) => (i * 37) % 50).sort((a, b) => a - b);
    expect(order).toEqual(expected);
  });

  it('runAll() gives up on timers that re-arm forever, with a message', async () => {
    const clock = new VirtualClock();
    let stop = false;
    const rearm = (): void => void clock.sleep(1).then(() => !stop && rearm());
    rearm();
    await expect(clock.runAll({ maxTimers: 100 })).rejects.toThrow(/fired 100 timers and more keep coming/);
    stop = true;
    await clock.runAll();
  });

  it('checks its inputs', async () => {
    const clock = new VirtualClock();
    await expect(clock.sleep(-1)).rejects.toThrow(/VirtualClock\.sleep: ms must be a number of ms from 0 to 2147483647 \(2\*\*31 - 1\), got -1/);
    await expect(clock.advance(Number.NaN)).rejects.toThrow(/ms must be a finite number ≥ 0, got NaN/);
    expect(() => new VirtualClock(Infinity)).toThrow(RangeError);
  });
});
