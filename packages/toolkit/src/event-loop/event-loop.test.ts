import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CancelledError, InvalidStateError } from '../coordination/errors.ts';
import { EventLoop, getRunningLoop } from './event-loop.ts';
import type { ExceptionContext } from './event-loop.ts';
import type { Coroutine } from './future.ts';
import { LoopRecorder } from './loop-recorder.ts';
import { sleep } from './sleep.ts';

function stopAt(loop: EventLoop, ms: number): void {
  loop.callLater(ms, () => loop.stop(), { label: 'stop' });
}

describe('EventLoop: one iteration is asyncio\'s _run_once', () => {
  it('runs only the callbacks ready when the iteration began; those they schedule wait for the next', () => {
    const loop = new EventLoop();
    const ran: string[] = [];
    loop.callSoon(() => {
      ran.push('a');
      loop.callSoon(() => ran.push('a2'));
    });
    loop.callSoon(() => ran.push('b'));
    loop.runOnce();
    expect(ran).toEqual(['a', 'b']);
    expect(loop.readyCount).toBe(1);
    loop.runOnce();
    expect(ran).toEqual(['a', 'b', 'a2']);
  });

  it('a callback that reschedules itself forever does not starve a timer that fell due', async () => {
    const loop = new EventLoop();
    const order: string[] = [];
    const spin = (): void => {
      order.push('spin');
      if (order.length === 2) {
        loop.callLater(0, () => {
          order.push('timer');
          loop.stop();
        });
      }
      loop.callSoon(spin);
    };
    loop.callSoon(spin);
    await loop.runForever();
    expect(order).toEqual(['spin', 'spin', 'spin', 'timer']);
  });

  it('fires due timers by (when, seq): ties in the order they were set, for any number of ties', async () => {
    const loop = new EventLoop();
    const order: string[] = [];
    for (const name of 'ABCDEFGH') loop.callAt(10, () => order.push(name));
    loop.callAt(5, () => order.push('early'));
    loop.callAt(20, () => order.push('late'));
    stopAt(loop, 30);
    await loop.runForever();
    expect(order.join(' ')).toBe('early A B C D E F G H late');
  });

  it('the virtual clock jumps to the next timer when nothing is ready', async () => {
    const loop = new EventLoop();
    const times: number[] = [];
    loop.callLater(3_600_000, () => times.push(loop.time()));
    loop.callLater(1, () => times.push(loop.time()));
    stopAt(loop, 3_600_001);
    await loop.runForever();
    expect(times).toEqual([1, 3_600_000]);
    expect(loop.time()).toBe(3_600_001);
  });

  it('drops cancelled timers lazily from the top, and rebuilds the heap when more than half of 100+ are cancelled', () => {
    const loop = new EventLoop();
    const timers = Array.from({ length: 200 }, (_, i) => loop.callLater(i + 1, () => {}));
    timers[0]!.cancel();
    loop.callSoon(() => {});
    loop.runOnce();
    expect(loop.timerCount).toBe(199); // the cancelled top went; nothing else
    for (const t of timers.slice(100, 150)) t.cancel();
    loop.callSoon(() => {});
    loop.runOnce();
    expect(loop.timerCount).toBe(199); // 50 of 199 cancelled: below half, they stay
    for (const t of timers.slice(150)) t.cancel();
    loop.callSoon(() => {});
    loop.runOnce();
    expect(loop.timerCount).toBe(99); // 100 of 199 cancelled: the heap was rebuilt
  });

  it('a cancelled handle never runs', async () => {
    const loop = new EventLoop();
    const ran: string[] = [];
    const soon = loop.callSoon(() => ran.push('soon'));
    const later = loop.callLater(5, () => ran.push('later'));
    soon.cancel();
    later.cancel();
    expect([soon.cancelled, later.cancelled]).toEqual([true, true]);
    stopAt(loop, 10);
    await loop.runForever();
    expect(ran).toEqual([]);
  });
});

describe('Future', () => {
  it('schedules its callbacks with callSoon, never inline', () => {
    const loop = new EventLoop();
    const future = loop.createFuture<number>();
    const seen: string[] = [];
    future.addDoneCallback((f) => seen.push(`cb ${f.result()}`));
    future.setResult(1);
    seen.push('after setResult');
    expect(seen).toEqual(['after setResult']);
    loop.runOnce();
    expect(seen).toEqual(['after setResult', 'cb 1']);
  });

  it('result() before done, or a second setResult, throws InvalidStateError', () => {
    const future = new EventLoop().createFuture<number>();
    expect(() => future.result()).toThrow(InvalidStateError);
    future.setResult(1);
    expect(() => future.setResult(2)).toThrow(InvalidStateError);
    expect(future.cancel()).toBe(false);
  });

  it('a cancelled future raises CancelledError with the message', () => {
    const future = new EventLoop().createFuture<number>();
    future.cancel('why');
    expect(() => future.result()).toThrow(new CancelledError('why'));
  });
});

describe('Task', () => {
  it('cancel() throws CancelledError at the current yield; finally runs; the task ends cancelled', async () => {
    const loop = new EventLoop();
    const log: string[] = [];
    const task = loop.createTask((function* () {
      try {
        yield sleep(1000);
      } finally {
        log.push(`finally at ${loop.time()}`);
      }
    })());
    loop.callLater(10, () => task.cancel('stop'));
    await expect(loop.runUntilComplete(task)).rejects.toThrow(new CancelledError('stop'));
    expect(log).toEqual(['finally at 10']);
    expect(task.cancelled()).toBe(true);
    expect(loop.timerCount).toBe(0); // the sleep's timer went with it
  });

  it('a task that swallows the CancelledError is not cancelled', async () => {
    const loop = new EventLoop();
    const task = loop.createTask((function* (): Coroutine<string> {
      try {
        yield sleep(1000);
      } catch {
        return 'survived';
      }
      return 'slept';
    })());
    loop.callLater(10, () => task.cancel());
    expect(await loop.runUntilComplete(task)).toBe('survived');
    expect(task.cancelled()).toBe(false);
  });

  it('yielding something else throws a TypeError into the generator', async () => {
    const loop = new EventLoop();
    const task = loop.createTask((function* () {
      yield 42 as never;
    })());
    await expect(loop.runUntilComplete(task)).rejects.toThrow(/yielded 42/);
  });

  it('yielding a generator instead of yield* says so', async () => {
    const loop = new EventLoop();
    function* inner(): Coroutine<void> {}
    const task = loop.createTask((function* () {
      yield inner() as never;
    })());
    await expect(loop.runUntilComplete(task)).rejects.toThrow(/use yield\*/);
  });

  it('names tasks Task-N unless given a name', () => {
    const loop = new EventLoop();
    const a = loop.createTask((function* () {})());
    const b = loop.createTask((function* () {})(), { name: 'b' });
    expect([a.name, b.name]).toEqual(['Task-1', 'b']);
  });
});

describe('errors nobody awaited', () => {
  it('a callback that throws goes to the exception handler and the loop goes on', async () => {
    const contexts: ExceptionContext[] = [];
    const loop = new EventLoop({ onException: (c) => contexts.push(c) });
    const ran: string[] = [];
    loop.callSoon(() => {
      throw new Error('boom');
    }, { label: 'bad' });
    loop.callSoon(() => ran.push('next'));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(ran).toEqual(['next']);
    expect(contexts.map((c) => c.message)).toEqual(['Exception in callback bad']);
  });

  it('a failed task whose exception nobody retrieved is reported at close()', async () => {
    const contexts: ExceptionContext[] = [];
    const loop = new EventLoop({ onException: (c) => contexts.push(c) });
    loop.createTask((function* () {
      throw new Error('lost');
    })(), { name: 'orphan' });
    const seen = loop.createTask((function* () {
      throw new Error('seen');
    })());
    await expect(loop.runUntilComplete(seen)).rejects.toThrow('seen');
    loop.close();
    expect(contexts.map((c) => c.message)).toEqual(['Task exception was never retrieved (Task orphan)']);
    expect((contexts[0]!.error as Error).message).toBe('lost');
  });
});

describe('inputs are checked', () => {
  it('names the parameter and the value', () => {
    const loop = new EventLoop();
    expect(() => loop.callSoon(42 as never)).toThrow(new TypeError('callSoon(callback): callback must be a function, got number'));
    expect(() => loop.callLater(Number.NaN, () => {})).toThrow(TypeError);
    expect(() => loop.callLater(Infinity, () => {})).toThrow(RangeError);
    expect(() => loop.callAt('1' as never, () => {})).toThrow(/when must be a number/);
    expect(() => new EventLoop({ clock: 'fast' as never })).toThrow(/options.clock/);
    expect(() => sleep(Number.NaN)).toThrow(/sleep\(ms\)/);
    expect(() => loop.createTask((() => {}) as never)).toThrow(/generator object/);
    expect(() => getRunningLoop()).toThrow(InvalidStateError);
  });

  it('a closed loop refuses work; a running loop cannot run again', async () => {
    const loop = new EventLoop();
    const errors: string[] = [];
    loop.callSoon(() => {
      expect(() => loop.close()).toThrow(/running/);
      loop.runForever().catch((error: unknown) => errors.push((error as Error).message));
      loop.stop();
    });
    await loop.runForever();
    expect(errors).toEqual(['runForever(): the event loop is already running']);
    loop.close();
    expect(() => loop.callSoon(() => {})).toThrow(/closed/);
    await expect(loop.runForever()).rejects.toThrow(/closed/);
  });

  it('a loop with nothing to do and no I/O in flight reports the deadlock instead of hanging', async () => {
    const loop = new EventLoop();
    await expect(loop.runUntilComplete(loop.createFuture())).rejects.toThrow(/would wait forever/);
  });
});

describe('the bridge and the real clock', () => {
  it('real clock: the loop sleeps on a real timer until the next callLater', async () => {
    const loop = new EventLoop({ clock: 'real' });
    const start = loop.time();
    const at = await loop.runUntilComplete((function* (): Coroutine<number> {
      yield sleep(20);
      return loop.time();
    })());
    expect(at - start).toBeGreaterThanOrEqual(19);
  });

  it('wrapPromise resumes a task when a promise settled outside the loop', async () => {
    const loop = new EventLoop({ clock: 'real' });
    const value = await loop.runUntilComplete((function* (): Coroutine<string> {
      const outside = new Promise<string>((resolve) => setTimeout(() => resolve('from node'), 5));
      return yield* loop.wrapPromise(outside);
    })());
    expect(value).toBe('from node');
  });

  it('real sockets: callSoonThreadsafe from a socket listener wakes a loop that waits for I/O', async () => {
    const server = createServer((socket: Socket) => socket.end('hello over tcp'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const loop = new EventLoop({ clock: 'real' });
      const { connect } = await import('node:net');
      const text = await loop.runUntilComplete((function* (): Coroutine<string> {
        const received = getRunningLoop().createFuture<string>();
        const socket = connect(port, '127.0.0.1');
        socket.on('error', (error) => loop.callSoonThreadsafe(() => received.setException(error)));
        let data = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (data += chunk));
        socket.on('end', () => loop.callSoonThreadsafe(() => received.setResult(data)));
        return yield* received;
      })());
      expect(text).toBe('hello over tcp');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('LoopRecorder', () => {
  it('records iterations and one step per callback in the site\'s format', async () => {
    const recorder = new LoopRecorder();
    const loop = new EventLoop({ recorder });
    await loop.runUntilComplete((function* () {
      recorder.print('start');
      yield sleep(10);
      recorder.note('woke up');
      recorder.print('end');
    })());
    const steps = recorder.toSteps('demo');
    expect(steps.kind).toBe('event-loop-steps');
    expect(steps.steps.map((s) => `${s.iteration}@${s.time} ${s.running}`)).toEqual([
      '1@0 step Task-1',
      '2@10 sleep(10) Task-1',
      '3@10 wake Task-1',
      '4@10 stop the loop',
    ]);
    expect(steps.steps[0]!.timers).toEqual([{ when: 10, label: 'sleep(10) Task-1' }]);
    expect(steps.steps[1]!.ready).toEqual(['wake Task-1']);
    expect(steps.steps[2]!.note).toBe('woke up');
    expect(steps.steps[2]!.output).toEqual(['start', 'end']);
    expect(recorder.iterations.map((i) => i.readyAtStart)).toEqual([1, 1, 1, 1]);
  });
});
