import { describe, expect, it } from 'vitest';
import { Future, MiniLoop } from '../lib/mini-loop.ts';
import type { Coroutine } from '../lib/mini-loop.ts';
import { Task } from '#impl/05-task';

describe('Task', () => {
  it('does not run its generator when created; the loop runs the first step', () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    const task = new Task(loop, (function* (): Coroutine<string> {
      seen.push('first step');
      return 'done';
    })());
    seen.push('created');
    loop.runOnce();
    expect(seen).toEqual(['created', 'first step']);
    expect(task.done()).toBe(true);
    expect(task.result()).toBe('done');
  });

  it('resumes at the yield with the future\'s result, once the future is done', async () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    const answer = new Future<number>(loop);
    const task = new Task(loop, (function* (): Coroutine<number> {
      const value = (yield answer) as number;
      seen.push(`got ${value} at ${loop.time()}`);
      return value * 2;
    })());
    loop.callLater(50, () => answer.setResult(21));
    expect(await loop.runUntilComplete(task)).toBe(42);
    expect(seen).toEqual(['got 21 at 50']);
  });

  it('throws a failed future\'s error into the generator at its yield, where it can be caught', async () => {
    const loop = new MiniLoop();
    const failing = new Future<number>(loop);
    const task = new Task(loop, (function* (): Coroutine<string> {
      try {
        yield failing;
        return 'no error';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    })());
    loop.callLater(5, () => failing.setException(new Error('boom')));
    expect(await loop.runUntilComplete(task)).toBe('caught boom');
  });

  it('fails with the error its generator lets escape', async () => {
    const loop = new MiniLoop();
    const task = new Task(loop, (function* (): Coroutine<never> {
      yield doneFuture(loop);
      throw new TypeError('escaped');
    })());
    await expect(loop.runUntilComplete(task)).rejects.toThrow(new TypeError('escaped'));
  });

  it('two tasks interleave: each yield lets the other one run', async () => {
    const loop = new MiniLoop();
    const seen: string[] = [];
    function* counter(name: string): Coroutine<void> {
      for (let i = 0; i < 3; i++) {
        seen.push(`${name}${i}`);
        yield doneFuture(loop);
      }
    }
    const a = new Task(loop, counter('a'));
    const b = new Task(loop, counter('b'));
    await loop.runUntilComplete(a);
    await loop.runUntilComplete(b);
    expect(seen).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
  });
});

function doneFuture(loop: MiniLoop): Future<void> {
  const future = new Future<void>(loop);
  future.setResult(undefined);
  return future;
}
