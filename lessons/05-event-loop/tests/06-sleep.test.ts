import { describe, expect, it } from 'vitest';
import { MiniLoop, Task } from '../lib/mini-loop.ts';
import type { Coroutine } from '../lib/mini-loop.ts';
import { sleep } from '#impl/06-sleep';

describe('sleep', () => {
  it('suspends a task for ms on the loop\'s clock; an hour of virtual time takes no time', async () => {
    const loop = new MiniLoop();
    const task = new Task(loop, (function* (): Coroutine<number> {
      yield sleep(loop, 3_600_000);
      return loop.time();
    })());
    expect(await loop.runUntilComplete(task)).toBe(3_600_000);
  });

  it('lets sleeping tasks overlap: three sleeps of 10, 30 and 20 ms end at 10, 20 and 30', async () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    function* nap(name: string, ms: number): Coroutine<void> {
      seen.push(`${name} sleeps`);
      yield sleep(loop, ms);
      seen.push(`${name} wakes at ${loop.time()}`);
    }
    const tasks = [new Task(loop, nap('a', 10)), new Task(loop, nap('b', 30)), new Task(loop, nap('c', 20))];
    for (const task of tasks) await loop.runUntilComplete(task);
    expect(seen).toEqual(['a sleeps', 'b sleeps', 'c sleeps', 'a wakes at 10', 'c wakes at 20', 'b wakes at 30']);
  });

  it('sleep(0) still waits for the loop: the task resumes in a later iteration', async () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    const task = new Task(loop, (function* (): Coroutine<void> {
      loop.callSoon(() => seen.push('callback queued before the sleep'));
      yield sleep(loop, 0);
      seen.push('after sleep(0)');
    })());
    await loop.runUntilComplete(task);
    expect(seen).toEqual(['callback queued before the sleep', 'after sleep(0)']);
  });

  it('leaves a future that was cancelled before the time was up alone', async () => {
    const loop = new MiniLoop();
    const napping = sleep(loop, 10);
    napping.cancel();
    const later = sleep(loop, 20);
    await loop.runUntilComplete(later);
    expect(napping.cancelled()).toBe(true);
  });

  it('checks ms', () => {
    const loop = new MiniLoop();
    expect(() => sleep(loop, Number.NaN)).toThrow(TypeError);
    expect(() => sleep(loop, -1)).toThrow(RangeError);
  });
});
