/**
 * "A method that returns a promise never throws synchronously": every promise-returning
 * export of the core and the coordination primitives, called with bad input, must return
 * a promise that rejects with a TypeError or RangeError naming what was wrong — not throw.
 */
import { describe, expect, it } from 'vitest';
import { Barrier } from './coordination/barrier.ts';
import { Channel } from './coordination/channel.ts';
import { Condition } from './coordination/condition.ts';
import { Event } from './coordination/event.ts';
import { Mutex } from './coordination/mutex.ts';
import { Queue } from './coordination/queue.ts';
import { Semaphore } from './coordination/semaphore.ts';
import { sleep } from './core/sleep.ts';
import { withTimeout } from './core/with-timeout.ts';

const notObject = 42 as unknown as { signal?: AbortSignal };
const notSignal = { signal: 'soon' as unknown as AbortSignal };
const notFunction = 'fn' as unknown as () => void;

const cases: [name: string, call: () => Promise<unknown>, message: RegExp][] = [
  ['sleep(-1)', () => sleep(-1), /ms/],
  ['sleep("1")', () => sleep('1' as unknown as number), /ms/],
  ['sleep(1, { signal: "soon" })', () => sleep(1, notSignal), /signal/],
  ['withTimeout(non-function)', () => withTimeout(notFunction, 1), /fn/],
  ['withTimeout(fn, NaN)', () => withTimeout(() => 1, Number.NaN), /ms/],
  ['withTimeout(fn, 1, 42)', () => withTimeout(() => 1, 1, notObject), /options/],
  ['Mutex.lock(42)', () => new Mutex().lock(notObject), /options/],
  ['Mutex.lock({ signal: "soon" })', () => new Mutex().lock(notSignal), /signal/],
  ['Mutex.runExclusive(non-function)', () => new Mutex().runExclusive(notFunction), /fn/],
  ['Semaphore.acquire({ signal: "soon" })', () => new Semaphore(1).acquire(notSignal), /signal/],
  ['Semaphore.withPermit(non-function)', () => new Semaphore(1).withPermit(notFunction), /fn/],
  ['Event.wait({ signal: "soon" })', () => new Event().wait(notSignal), /signal/],
  ['Condition.lock({ signal: "soon" })', () => new Condition().lock(notSignal), /signal/],
  ['Condition.wait({ signal: "soon" })', () => new Condition().wait(notSignal), /signal/],
  ['Condition.waitFor(non-function)', () => new Condition().waitFor(notFunction), /predicate/],
  ['Barrier.wait({ signal: "soon" })', () => new Barrier(2).wait(notSignal), /signal/],
  ['Queue.put(1, { signal: "soon" })', () => new Queue<number>().put(1, notSignal), /signal/],
  ['Queue.get(42)', () => new Queue<number>().get(notObject), /options/],
  ['Queue.join({ signal: "soon" })', () => new Queue<number>().join(notSignal), /signal/],
  ['Channel.send(1, { signal: "soon" })', () => new Channel<number>().send(1, notSignal), /signal/],
  ['Channel.receive(42)', () => new Channel<number>().receive(notObject), /options/],
];

describe('promise-returning methods never throw synchronously', () => {
  it.each(cases)('%s rejects with a TypeError or RangeError', async (_name, call, message) => {
    let result: Promise<unknown> | undefined;
    expect(() => (result = call())).not.toThrow();
    expect(result).toBeInstanceOf(Promise);
    const error = await result!.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error instanceof TypeError || error instanceof RangeError, `got ${String(error)}`).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('Channel.values(bad options) fails on the first next(), not when called', async () => {
    const channel = new Channel<number>();
    let iterator: AsyncGenerator<number, void, undefined> | undefined;
    expect(() => (iterator = channel.values(notSignal))).not.toThrow();
    await expect(iterator!.next()).rejects.toThrow(TypeError);
  });
});
