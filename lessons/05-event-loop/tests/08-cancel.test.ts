import { describe, expect, it } from 'vitest';
import { CancelledError, Future, MiniLoop, sleep } from '../lib/mini-loop.ts';
import type { Coroutine } from '../lib/mini-loop.ts';
import { Task } from '#impl/08-cancel';

describe('Task.cancel', () => {
  it('throws CancelledError into the task at the yield where it sleeps; finally runs; the task ends cancelled', async () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    const task = new Task(loop, (function* (): Coroutine<void> {
      try {
        yield sleep(loop, 1000);
        seen.push('woke (never)');
      } catch (error) {
        seen.push(`caught ${(error as Error).name} at ${loop.time()}`);
        throw error;
      } finally {
        seen.push('finally ran');
      }
    })());
    loop.callLater(10, () => seen.push(`cancel() returned ${task.cancel()}`));
    await expect(loop.runUntilComplete(task)).rejects.toThrow(CancelledError);
    expect(seen).toEqual(['cancel() returned true', 'caught CancelledError at 10', 'finally ran']);
    expect(task.cancelled()).toBe(true);
  });

  it('cancels the future the task waits for', async () => {
    const loop = new MiniLoop();
    const waitedFor = new Future<number>(loop);
    const task = new Task(loop, (function* (): Coroutine<void> {
      yield waitedFor;
    })());
    loop.callLater(5, () => task.cancel());
    await expect(loop.runUntilComplete(task)).rejects.toThrow(CancelledError);
    expect(waitedFor.cancelled()).toBe(true);
  });

  it('a task that catches the CancelledError and goes on is not cancelled', async () => {
    const loop = new MiniLoop();
    const task = new Task(loop, (function* (): Coroutine<string> {
      try {
        yield sleep(loop, 1000);
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
      }
      yield sleep(loop, 5);
      return `carried on until ${loop.time()}`;
    })());
    loop.callLater(10, () => task.cancel());
    expect(await loop.runUntilComplete(task)).toBe('carried on until 15');
    expect(task.cancelled()).toBe(false);
  });

  it('a task cancelled before its first step never runs a line of its body', async () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    const task = new Task(loop, (function* (): Coroutine<void> {
      seen.push('body ran');
    })());
    expect(task.cancel()).toBe(true);
    await expect(loop.runUntilComplete(task)).rejects.toThrow(CancelledError);
    expect(seen).toEqual([]);
    expect(task.cancelled()).toBe(true);
  });

  it('cancel() of a finished task returns false and changes nothing', async () => {
    const loop = new MiniLoop();
    const task = new Task(loop, (function* (): Coroutine<number> {
      return 7;
    })());
    expect(await loop.runUntilComplete(task)).toBe(7);
    expect(task.cancel()).toBe(false);
    expect(task.result()).toBe(7);
  });
});
