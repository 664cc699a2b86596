import { describe, expect, it } from 'vitest';
import { Event } from './event.ts';
import { countedAbortController } from '../testing/counted-signal.ts';

describe('Event', () => {
  it('starts unset; wait() resolves only after set()', async () => {
    const event = new Event();
    expect(event.isSet).toBe(false);
    let woke = false;
    const waiting = event.wait().then(() => (woke = true));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(woke).toBe(false);
    expect(event.waiting).toBe(1);
    event.set();
    await waiting;
    expect(woke).toBe(true);
    expect(event.isSet).toBe(true);
    expect(event.waiting).toBe(0);
  });

  it('set() wakes every waiter, in the order they came', async () => {
    const event = new Event();
    const order: number[] = [];
    const all = [1, 2, 3].map((n) => event.wait().then(() => order.push(n)));
    event.set();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3]);
  });

  it('wait() on a set event resolves at once; clear() makes later waits block again', async () => {
    const event = new Event();
    event.set();
    await event.wait();
    event.clear();
    expect(event.isSet).toBe(false);
    let woke = false;
    void event.wait().then(() => (woke = true));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(woke).toBe(false);
    event.set();
    await Promise.resolve();
    await Promise.resolve();
    expect(woke).toBe(true);
  });

  it('a set() then clear() before the waiter runs still wakes it (it was set while it waited)', async () => {
    const event = new Event();
    const waiting = event.wait();
    event.set();
    event.clear();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('aborting a waiter removes it before rejecting with the reason and leaves no listener', async () => {
    const event = new Event();
    const counted = countedAbortController();
    const other = event.wait();
    const aborted = event.wait({ signal: counted.signal });
    expect(event.waiting).toBe(2);
    let waitingAtReject = -1;
    const seen = aborted.catch((e: unknown) => ((waitingAtReject = event.waiting), e));
    const reason = new Error('stop');
    counted.abort(reason);
    expect(await seen).toBe(reason);
    expect(waitingAtReject).toBe(1);
    expect(counted.listeners()).toBe(0);
    event.set();
    await other;
  });

  it('an already aborted signal rejects even when the event is set', async () => {
    const event = new Event();
    event.set();
    const reason = new Error('late');
    await expect(event.wait({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('set() removes the listeners of the waiters it wakes', async () => {
    const event = new Event();
    const counted = countedAbortController();
    const waiting = event.wait({ signal: counted.signal });
    event.set();
    await waiting;
    expect(counted.listeners()).toBe(0);
  });

  it('rejects (never throws) when options is not an object', async () => {
    const event = new Event();
    await expect(event.wait(5 as unknown as object)).rejects.toThrow(TypeError);
  });
});
