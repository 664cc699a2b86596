import { describe, expect, it } from 'vitest';
import { MiniLoop, Task, sleep } from '../lib/mini-loop.ts';
import type { Coroutine } from '../lib/mini-loop.ts';
import { gather } from '#impl/07-gather';

function* after<T>(loop: MiniLoop, ms: number, value: T, log?: string[]): Coroutine<T> {
  yield sleep(loop, ms);
  log?.push(`${String(value)} at ${loop.time()}`);
  return value;
}

function* failAfter(loop: MiniLoop, ms: number, message: string): Coroutine<never> {
  yield sleep(loop, ms);
  throw new Error(message);
}

describe('gather', () => {
  it('runs the children at once and gives their results in argument order', async () => {
    const loop = new MiniLoop();
    const all = gather(loop, [new Task(loop, after(loop, 30, 'slow')), new Task(loop, after(loop, 10, 'fast')), new Task(loop, after(loop, 20, 'middle'))]);
    expect(await loop.runUntilComplete(all)).toEqual(['slow', 'fast', 'middle']);
    expect(loop.time()).toBe(30); // overlapped: 30 ms, not 60
  });

  it('fails as soon as one child fails; the other children go on', async () => {
    const loop = new MiniLoop();
    const log: string[] = [];
    const slow = new Task(loop, after(loop, 50, 'slow', log));
    const all = gather<string>(loop, [slow, new Task(loop, failAfter(loop, 10, 'boom'))]);
    await expect(loop.runUntilComplete(all)).rejects.toThrow('boom');
    expect(loop.time()).toBe(10);
    expect(await loop.runUntilComplete(slow)).toBe('slow');
    expect(log).toEqual(['slow at 50']);
  });

  it('with no children it is done at once with []', () => {
    const loop = new MiniLoop();
    const none = gather(loop, []);
    expect(none.done()).toBe(true);
    expect(none.result()).toEqual([]);
  });
});
