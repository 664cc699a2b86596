import { describe, expect, it } from 'vitest';
import { CancelledError, QueueEmptyError, QueueFullError } from '../coordination/errors.ts';
import { EventLoop } from './event-loop.ts';
import type { Coroutine } from './future.ts';
import { Lock } from './lock.ts';
import { Queue } from './queue.ts';
import { Semaphore } from './semaphore.ts';
import { sleep } from './sleep.ts';

function run<T>(body: (loop: EventLoop) => Coroutine<T>): Promise<T> {
  const loop = new EventLoop();
  return loop.runUntilComplete(body(loop));
}

describe('Lock', () => {
  it('a waiter cancelled after release woke it passes the lock on to the next', async () => {
    const order = await run(function* (loop) {
      const lock = new Lock();
      const order: string[] = [];
      yield* lock.acquire();
      const user = (name: string) => loop.createTask((function* () {
        yield* lock.acquire();
        order.push(name);
        lock.release();
      })(), { name });
      const b = user('b');
      const c = user('c');
      yield sleep(0); // both wait now
      lock.release(); // wakes b ...
      b.cancel(); // ... which is cancelled before it runs
      try {
        yield* b;
      } catch (error) {
        order.push(`b ${(error as Error).name}`);
      }
      yield* c;
      return order;
    });
    expect(order).toEqual(['c', 'b CancelledError']);
  });

  it('release() of a free lock throws', () => {
    expect(() => new Lock().release()).toThrow(/not acquired/);
  });
});

describe('Semaphore', () => {
  it('checks its value', () => {
    expect(() => new Semaphore(-1)).toThrow(new RangeError('Semaphore(value): value must be an integer ≥ 0, got -1'));
  });

  it('a permit handed to a cancelled waiter goes to the next one', async () => {
    const got = await run(function* (loop) {
      const sem = new Semaphore(0);
      const got: string[] = [];
      const waiter = (name: string) => loop.createTask((function* () {
        yield* sem.acquire();
        got.push(name);
      })());
      const a = waiter('a');
      const b = waiter('b');
      yield sleep(0);
      sem.release();
      a.cancel();
      try {
        yield* a;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
      }
      yield* b;
      return got;
    });
    expect(got).toEqual(['b']);
  });
});

describe('Queue', () => {
  it('checks maxSize, and the nowait forms throw the catalogue errors', () => {
    expect(() => new Queue({ maxSize: 1.5 })).toThrow(/options.maxSize/);
    const queue = new Queue<number>({ maxSize: 1 });
    expect(() => queue.getNowait()).toThrow(QueueEmptyError);
    queue.putNowait(1);
    expect(() => queue.putNowait(2)).toThrow(QueueFullError);
    expect(queue.getNowait()).toBe(1);
    queue.taskDone();
    expect(() => queue.taskDone()).toThrow(/more times/);
  });

  it('a getter cancelled while waiting leaves the queue and the next getter gets the item', async () => {
    const got = await run(function* (loop) {
      const queue = new Queue<string>();
      const got: string[] = [];
      const getter = (name: string) => loop.createTask((function* () {
        got.push(`${name}:${yield* queue.get()}`);
      })());
      const a = getter('a');
      const b = getter('b');
      yield sleep(0);
      a.cancel();
      yield sleep(0);
      queue.putNowait('x');
      yield* b;
      return got;
    });
    expect(got).toEqual(['b:x']);
  });
});
