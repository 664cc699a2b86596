import { describe, expect, it } from 'vitest';
import { MiniLoop, Task, sleep } from '../lib/mini-loop.ts';
import type { Coroutine } from '../lib/mini-loop.ts';
import { LoopQueue } from '#impl/09-queue';

describe('LoopQueue', () => {
  it('hands items from a producer to a consumer in order; get() waits while it is empty', async () => {
    const loop = new MiniLoop();
    const queue = new LoopQueue<number>(loop);
    const seen: string[] = [];
    const consumer = new Task(loop, (function* (): Coroutine<void> {
      for (let i = 0; i < 3; i++) seen.push(`got ${yield* queue.get()} at ${loop.time()}`);
    })());
    const producer = new Task(loop, (function* (): Coroutine<void> {
      for (let i = 0; i < 3; i++) {
        yield sleep(loop, 10);
        yield* queue.put(i);
      }
    })());
    await loop.runUntilComplete(producer);
    await loop.runUntilComplete(consumer);
    expect(seen).toEqual(['got 0 at 10', 'got 1 at 20', 'got 2 at 30']);
  });

  it('serves waiting getters first come, first served', async () => {
    const loop = new MiniLoop();
    const queue = new LoopQueue<string>(loop);
    const seen: string[] = [];
    const getters = ['g1', 'g2', 'g3'].map((name) => new Task(loop, (function* (): Coroutine<void> {
      seen.push(`${name} got ${yield* queue.get()}`);
    })()));
    const producer = new Task(loop, (function* (): Coroutine<void> {
      yield sleep(loop, 1);
      for (const item of ['a', 'b', 'c']) yield* queue.put(item);
    })());
    await loop.runUntilComplete(producer);
    for (const getter of getters) await loop.runUntilComplete(getter);
    expect(seen).toEqual(['g1 got a', 'g2 got b', 'g3 got c']);
  });

  it('a bounded queue makes put() wait until a get() makes room', async () => {
    const loop = new MiniLoop();
    const queue = new LoopQueue<number>(loop, 2);
    const seen: string[] = [];
    const producer = new Task(loop, (function* (): Coroutine<void> {
      for (let i = 0; i < 4; i++) {
        yield* queue.put(i);
        seen.push(`put ${i} at ${loop.time()} (size ${queue.size})`);
      }
    })());
    const consumer = new Task(loop, (function* (): Coroutine<void> {
      yield sleep(loop, 100);
      for (let i = 0; i < 4; i++) {
        seen.push(`got ${yield* queue.get()} at ${loop.time()}`);
        yield sleep(loop, 10);
      }
    })());
    await loop.runUntilComplete(producer);
    await loop.runUntilComplete(consumer);
    expect(seen).toEqual([
      'put 0 at 0 (size 1)',
      'put 1 at 0 (size 2)',
      'got 0 at 100',
      'put 2 at 100 (size 2)',
      'got 1 at 110',
      'put 3 at 110 (size 2)',
      'got 2 at 120',
      'got 3 at 130',
    ]);
  });

  it('checks maxSize', () => {
    expect(() => new LoopQueue(new MiniLoop(), -1)).toThrow(RangeError);
    expect(() => new LoopQueue(new MiniLoop(), 1.5)).toThrow(RangeError);
  });
});
