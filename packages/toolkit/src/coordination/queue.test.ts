import { describe, expect, it } from 'vitest';
import { QueueEmptyError, QueueFullError, QueueShutDownError } from './errors.ts';
import { LifoQueue } from './lifo-queue.ts';
import { PriorityQueue } from './priority-queue.ts';
import { Queue } from './queue.ts';
import { countedAbortController } from '../testing/counted-signal.ts';
import { track, turns } from '../testing/microtasks.ts';

describe('Queue', () => {
  it('new Queue() works with no options and is unbounded', async () => {
    const queue = new Queue<number>();
    for (let i = 0; i < 1000; i++) await queue.put(i);
    expect(queue.size).toBe(1000);
    expect(queue.maxSize).toBe(Infinity);
  });

  it('checks maxSize first, naming it', () => {
    expect(() => new Queue({ maxSize: -1 })).toThrow(/maxSize/);
    expect(() => new Queue({ maxSize: 1.5 })).toThrow(RangeError);
  });

  it('get() returns items first in, first out', async () => {
    const queue = new Queue<string>();
    await queue.put('a');
    await queue.put('b');
    queue.tryPut('c');
    expect([await queue.get(), queue.tryGet(), await queue.get()]).toEqual(['a', 'b', 'c']);
  });

  it('get() on an empty queue waits for the next put(); waiting getters are served FIFO', async () => {
    const queue = new Queue<number>();
    const first = track(queue.get());
    const second = queue.get();
    await turns();
    expect(first.settled).toBe(false);
    expect(queue.waiting.getters).toBe(2);
    await queue.put(1);
    await queue.put(2);
    expect(await first.promise).toBe(1);
    expect(await second).toBe(2);
    expect(queue.size).toBe(0);
  });

  it('put() into a full queue waits for room (backpressure), putters admitted FIFO', async () => {
    const queue = new Queue<number>({ maxSize: 2 });
    await queue.put(1);
    await queue.put(2);
    const third = track(queue.put(3));
    const fourth = track(queue.put(4));
    await turns();
    expect(third.settled).toBe(false);
    expect(queue.size).toBe(2);
    expect(queue.waiting.putters).toBe(2);
    expect(await queue.get()).toBe(1);
    await third.promise;
    expect(fourth.settled).toBe(false);
    expect(queue.size).toBe(2);
    expect([await queue.get(), await queue.get(), await queue.get()]).toEqual([2, 3, 4]);
    await fourth.promise;
  });

  it('no barging: after get() frees a slot, tryPut() fails while a putter waits', async () => {
    const queue = new Queue<number>({ maxSize: 1 });
    queue.tryPut(1);
    const waiting = queue.put(2);
    queue.tryGet();
    expect(() => queue.tryPut(3)).toThrow(QueueFullError);
    await waiting;
    expect(queue.tryGet()).toBe(2);
  });

  it('tryGet() on empty throws QueueEmptyError; tryPut() on full throws QueueFullError', () => {
    const queue = new Queue<number>({ maxSize: 1 });
    expect([queue.empty, queue.full]).toEqual([true, false]);
    expect(() => queue.tryGet()).toThrow(QueueEmptyError);
    queue.tryPut(1);
    expect([queue.empty, queue.full]).toEqual([false, true]);
    expect(() => queue.tryPut(2)).toThrow(QueueFullError);
    expect(new Queue().full).toBe(false);
  });

  it('join() resolves once every item put was marked done with taskDone()', async () => {
    const queue = new Queue<number>();
    await queue.join(); // nothing put: at once
    await queue.put(1);
    await queue.put(2);
    const joined = track(queue.join());
    await queue.get();
    queue.taskDone();
    await turns();
    expect(joined.settled).toBe(false);
    expect(queue.unfinished).toBe(1);
    await queue.get();
    await turns();
    expect(joined.settled).toBe(false); // taken is not done
    queue.taskDone();
    await joined.promise;
    expect(queue.unfinished).toBe(0);
  });

  it('taskDone() called more often than items were put throws a RangeError', async () => {
    const queue = new Queue<number>();
    expect(() => queue.taskDone()).toThrow(RangeError);
    await queue.put(1);
    await queue.get();
    queue.taskDone();
    expect(() => queue.taskDone()).toThrow(/taskDone\(\): called more times than items were put/);
  });

  it('counts an item handed straight to a waiting getter as unfinished', async () => {
    const queue = new Queue<number>();
    const got = queue.get();
    await queue.put(5);
    expect(await got).toBe(5);
    expect(queue.unfinished).toBe(1);
    const joined = track(queue.join());
    await turns();
    expect(joined.settled).toBe(false);
    queue.taskDone();
    await joined.promise;
  });

  it('counts an item admitted from a waiting putter as unfinished', async () => {
    const queue = new Queue<string>({ maxSize: 1 });
    queue.tryPut('a');
    const admitted = queue.put('b'); // waits: the queue is full
    expect(queue.unfinished).toBe(1);
    expect(queue.tryGet()).toBe('a'); // lets 'b' in
    await admitted;
    expect(queue.unfinished).toBe(2);
    queue.taskDone();
    const joined = track(queue.join());
    await turns();
    expect(joined.settled).toBe(false); // 'b' is still not done
    expect(queue.tryGet()).toBe('b');
    queue.taskDone();
    await joined.promise;
    expect(() => queue.taskDone()).toThrow(RangeError);
  });

  it('aborting a waiting get() removes it before rejecting; the next item goes to the next getter', async () => {
    const queue = new Queue<string>();
    const counted = countedAbortController();
    const aborted = queue.get({ signal: counted.signal });
    const next = queue.get();
    const reason = new Error('stop');
    let gettersAtReject = -1;
    const seen = aborted.catch((e: unknown) => ((gettersAtReject = queue.waiting.getters), e));
    counted.abort(reason);
    expect(await seen).toBe(reason);
    expect(gettersAtReject).toBe(1);
    await queue.put('x');
    expect(await next).toBe('x');
    expect(counted.listeners()).toBe(0);
    expect(queue.size).toBe(0);
  });

  it('aborting a waiting put() drops its item: it is never queued and never counted', async () => {
    const queue = new Queue<string>({ maxSize: 1 });
    queue.tryPut('a');
    const counted = countedAbortController();
    const aborted = queue.put('dropped', { signal: counted.signal });
    const reason = new Error('stop');
    counted.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(queue.waiting.putters).toBe(0);
    expect(queue.tryGet()).toBe('a');
    expect(() => queue.tryGet()).toThrow(QueueEmptyError);
    expect(queue.unfinished).toBe(1);
    expect(counted.listeners()).toBe(0);
  });

  it('an already aborted signal rejects put(), get() and join() at once, changing nothing', async () => {
    const queue = new Queue<number>();
    queue.tryPut(1);
    const reason = new Error('before');
    const signal = AbortSignal.abort(reason);
    await expect(queue.get({ signal })).rejects.toBe(reason);
    await expect(queue.put(2, { signal })).rejects.toBe(reason);
    await expect(queue.join({ signal })).rejects.toBe(reason);
    expect(queue.size).toBe(1);
    expect(queue.unfinished).toBe(1);
  });

  it('aborting a join() removes it and leaves no listener', async () => {
    const queue = new Queue<number>();
    queue.tryPut(1);
    const counted = countedAbortController();
    const joined = queue.join({ signal: counted.signal });
    counted.abort('why');
    await expect(joined).rejects.toBe('why');
    expect(queue.waiting.joiners).toBe(0);
    expect(counted.listeners()).toBe(0);
  });

  describe('shutdown() (Python 3.13 semantics)', () => {
    it('works without options; put() rejects with QueueShutDownError afterwards, tryPut() throws it', async () => {
      const queue = new Queue<number>();
      queue.shutdown();
      expect(queue.isShutDown).toBe(true);
      await expect(queue.put(1)).rejects.toBeInstanceOf(QueueShutDownError);
      expect(() => queue.tryPut(1)).toThrow(QueueShutDownError);
    });

    it('getters drain what is left, then fail; join() still waits for the drained items', async () => {
      const queue = new Queue<number>();
      queue.tryPut(1);
      queue.tryPut(2);
      const joined = track(queue.join());
      queue.shutdown();
      expect(await queue.get()).toBe(1);
      expect(queue.tryGet()).toBe(2);
      await expect(queue.get()).rejects.toBeInstanceOf(QueueShutDownError);
      expect(() => queue.tryGet()).toThrow(QueueShutDownError);
      await turns();
      expect(joined.settled).toBe(false);
      queue.taskDone();
      queue.taskDone();
      await joined.promise;
    });

    it('rejects every blocked getter and putter with QueueShutDownError — nothing hangs', async () => {
      const empty = new Queue<number>();
      const getters = [empty.get(), empty.get()];
      empty.shutdown();
      for (const g of getters) await expect(g).rejects.toBeInstanceOf(QueueShutDownError);
      expect(empty.waiting.getters).toBe(0);

      const full = new Queue<number>({ maxSize: 1 });
      full.tryPut(1);
      const counted = countedAbortController();
      const putters = [full.put(2, { signal: counted.signal }), full.put(3)];
      full.shutdown();
      for (const p of putters) await expect(p).rejects.toBeInstanceOf(QueueShutDownError);
      expect(full.waiting.putters).toBe(0);
      expect(counted.listeners()).toBe(0);
      expect(full.tryGet()).toBe(1); // the item already in still drains
    });

    it('immediate: drops the items left, counts them done, so join() settles', async () => {
      const queue = new Queue<number>();
      queue.tryPut(1);
      queue.tryPut(2);
      queue.tryPut(3);
      await queue.get(); // taken, not yet done
      const joined = track(queue.join());
      queue.shutdown({ immediate: true });
      expect(queue.size).toBe(0);
      await expect(queue.get()).rejects.toBeInstanceOf(QueueShutDownError);
      await turns();
      expect(joined.settled).toBe(false); // the taken item is not done yet
      expect(queue.unfinished).toBe(1);
      queue.taskDone();
      await joined.promise;
    });

    it('immediate with nothing taken settles join() at once', async () => {
      const queue = new Queue<number>();
      queue.tryPut(1);
      const joined = queue.join();
      queue.shutdown({ immediate: true });
      await expect(joined).resolves.toBeUndefined();
    });

    it('checks its options', () => {
      const queue = new Queue<number>();
      expect(() => queue.shutdown({ immediate: 'yes' as unknown as boolean })).toThrow(TypeError);
    });
  });

  it('methods that return promises never throw synchronously on bad options', async () => {
    const queue = new Queue<number>();
    const bad = 7 as unknown as object;
    await expect(queue.put(1, bad)).rejects.toThrow(TypeError);
    await expect(queue.get(bad)).rejects.toThrow(TypeError);
    await expect(queue.join(bad)).rejects.toThrow(TypeError);
  });

  it('stays O(1): 100 000 items through a bounded queue with waiting putters keep FIFO order', async () => {
    const queue = new Queue<number>({ maxSize: 10 });
    const n = 100_000;
    const producer = (async () => {
      for (let i = 0; i < n; i++) await queue.put(i);
    })();
    let inOrder = true;
    for (let i = 0; i < n; i++) if ((await queue.get()) !== i) inOrder = false;
    await producer;
    expect(inOrder).toBe(true);
  });
});

describe('PriorityQueue', () => {
  it('get() takes the smallest item first; equal items keep put order', async () => {
    const queue = new PriorityQueue<{ p: number; name: string }>({ compare: (a, b) => a.p - b.p });
    for (const [p, name] of [[3, 'c'], [1, 'a1'], [2, 'b'], [1, 'a2'], [0, 'z']] as const) await queue.put({ p, name });
    const out: string[] = [];
    while (queue.size > 0) out.push((await queue.get()).name);
    expect(out).toEqual(['z', 'a1', 'a2', 'b', 'c']);
  });

  it('orders numbers ascending by default, and a bounded one admits a waiting putter', async () => {
    const queue = new PriorityQueue<number>({ maxSize: 3 });
    for (const n of [5, 1, 3]) queue.tryPut(n);
    const waiting = queue.put(0);
    expect(await queue.get()).toBe(1);
    await waiting;
    expect([queue.tryGet(), queue.tryGet(), queue.tryGet()]).toEqual([0, 3, 5]);
  });

  it('stays sorted through many random puts and gets', async () => {
    const queue = new PriorityQueue<number>();
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const all: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const n = random() % 1000;
      all.push(n);
      queue.tryPut(n);
    }
    const out: number[] = [];
    while (queue.size > 0) out.push(queue.tryGet());
    expect(out).toEqual(all.sort((a, b) => a - b));
  });

  it('checks compare', () => {
    expect(() => new PriorityQueue({ compare: 3 as unknown as () => number })).toThrow(TypeError);
  });
});

describe('LifoQueue', () => {
  it('get() takes the last item put first', async () => {
    const queue = new LifoQueue<number>();
    for (const n of [1, 2, 3]) await queue.put(n);
    expect([await queue.get(), queue.tryGet(), await queue.get()]).toEqual([3, 2, 1]);
  });

  it('keeps Queue semantics for waiting getters, taskDone/join and shutdown', async () => {
    const queue = new LifoQueue<number>({ maxSize: 1 });
    const getter = queue.get();
    await queue.put(7);
    expect(await getter).toBe(7);
    queue.taskDone();
    await queue.join();
    queue.shutdown();
    await expect(queue.get()).rejects.toBeInstanceOf(QueueShutDownError);
  });
});
