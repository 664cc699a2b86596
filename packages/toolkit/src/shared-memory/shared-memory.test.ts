// SharedCounter, AtomicMutex and RingBuffer, each used from real worker threads.
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicMutex } from './atomic-mutex.ts';
import { HOLDING, LET_GO, type SharedMemoryInput } from './fixtures/shared-memory.worker.ts';
import { RingBuffer } from './ring-buffer.ts';
import { SharedCounter } from './shared-counter.ts';
import { reach } from '../testing/reach.ts';
import { WorkerPool } from '../workers/worker-pool.ts';

const pool = new WorkerPool<SharedMemoryInput, unknown>({
  filename: new URL('./fixtures/shared-memory.worker.ts', import.meta.url),
  size: 2,
});
afterAll(() => pool.destroy());

function flags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

function letGo(shared: Int32Array): void {
  Atomics.store(shared, LET_GO, 1);
  Atomics.notify(shared, LET_GO);
}

describe('SharedCounter', () => {
  it('counts every increment from three threads at once', async () => {
    const counter = new SharedCounter();
    const workers = [1, 2].map(() => pool.run({ op: 'count', counter: counter.buffer, times: 100_000 }));
    for (let i = 0; i < 100_000; i++) counter.increment();
    await Promise.all(workers);
    expect(counter.value).toBe(300_000);
  });

  it('adds, subtracts, compares-and-sets, and checks its inputs', () => {
    const counter = new SharedCounter({ initial: 5 });
    expect(counter.add(10)).toBe(15);
    expect(counter.decrement()).toBe(14);
    expect(counter.compareAndSet(13, 0)).toBe(false);
    expect(counter.compareAndSet(14, 0)).toBe(true);
    expect(counter.value).toBe(0);
    const twin = new SharedCounter({ buffer: counter.buffer });
    twin.increment();
    expect(counter.value).toBe(1);
    expect(() => counter.add(0.5)).toThrow(/delta must be an integer, received 0\.5/);
    expect(() => new SharedCounter({ buffer: new ArrayBuffer(4) as unknown as SharedArrayBuffer })).toThrow(TypeError);
    expect(() => new SharedCounter({ buffer: counter.buffer, index: 1 })).toThrow(/index .* received 1/);
  });
});

describe('AtomicMutex', () => {
  it('makes a non-atomic read-modify-write exact across two threads', async () => {
    const mutex = new AtomicMutex();
    const cells = new Int32Array(new SharedArrayBuffer(8));
    await Promise.all([1, 2].map(() => pool.run({ op: 'locked-add', lock: mutex.buffer, cells, times: 20_000 })));
    expect(cells[0]).toBe(40_000);
    expect(mutex.locked).toBe(false);
  });

  it('lock() in another thread times out with TimeoutError while this thread holds it', async () => {
    const mutex = new AtomicMutex();
    expect(mutex.tryLock()).toBe(true);
    expect(await pool.run({ op: 'lock-with-timeout', lock: mutex.buffer, timeoutMs: 30 })).toBe('TimeoutError');
    mutex.unlock();
    expect(await pool.run({ op: 'lock-with-timeout', lock: mutex.buffer, timeoutMs: 1_000 })).toBe('locked');
  });

  it('lockAsync() waits for another thread without blocking the event loop', async () => {
    const mutex = new AtomicMutex();
    const shared = flags();
    const holder = pool.run({ op: 'hold-lock', lock: mutex.buffer, flags: shared });
    await reach(shared, HOLDING, 1);
    let acquired = false;
    const waiting = mutex.lockAsync({ timeoutMs: 10_000 }).then(() => (acquired = true));
    // A timer fires while we wait: the loop is free. The lock is still the worker's.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(acquired).toBe(false);
    letGo(shared);
    await waiting;
    expect(await holder).toBe('released');
    expect(acquired).toBe(true);
    mutex.unlock();
  });

  it('an aborted lockAsync() rejects with the reason and does not swallow the wake-up of the next waiter', async () => {
    const mutex = new AtomicMutex();
    const shared = flags();
    const holder = pool.run({ op: 'hold-lock', lock: mutex.buffer, flags: shared });
    await reach(shared, HOLDING, 1);
    const controller = new AbortController();
    const first = mutex.lockAsync({ signal: controller.signal });
    const second = mutex.lockAsync({ timeoutMs: 20_000 });
    controller.abort(new Error('changed my mind'));
    await expect(first).rejects.toThrow('changed my mind');
    letGo(shared);
    await holder;
    // The unlock's one wake-up may go to the stale wait of `first`; it must be passed on.
    // If it were lost, `second` would sleep until its own 20 s timeout: the box catches that.
    let box: ReturnType<typeof setTimeout> | undefined;
    const lost = new Promise<never>((_, reject) => {
      box = setTimeout(() => reject(new Error('the wake-up was lost: second waiter still asleep after 8 s')), 8_000);
    });
    await expect(Promise.race([second, lost])).resolves.toBeUndefined();
    clearTimeout(box);
    mutex.unlock();
    expect(mutex.locked).toBe(false);
  });

  it('lockAsync() rejects with TimeoutError after timeoutMs', async () => {
    const mutex = new AtomicMutex();
    mutex.lock();
    await expect(mutex.lockAsync({ timeoutMs: 20 })).rejects.toMatchObject({ name: 'TimeoutError' });
    mutex.unlock();
  });

  it('fails loudly on misuse: double unlock, unlock by a non-owner thread, relocking in the holder', async () => {
    const mutex = new AtomicMutex();
    expect(() => mutex.unlock()).toThrow(/not held \(released twice\?\)/);
    mutex.lock();
    expect(() => mutex.lock()).toThrow(/already holds this lock/);
    expect(await pool.run({ op: 'unlock', lock: mutex.buffer })).toMatch(/tried to release a lock held by thread 0/);
    expect(mutex.locked).toBe(true);
    mutex.unlock();
    expect(() => mutex.unlock()).toThrow(/released twice/);
    expect(mutex.withLock(() => 'inside')).toBe('inside');
    expect(await mutex.withLockAsync(async () => 'async inside')).toBe('async inside');
    expect(mutex.locked).toBe(false);
  });
});

describe('RingBuffer', () => {
  it('carries 50 000 numbers from a worker in order through 16 slots', async () => {
    const ring = new RingBuffer({ capacity: 16 });
    const producer = pool.run({ op: 'produce', ring: ring.buffer, count: 50_000 });
    let expected = 0;
    for await (const value of ring) {
      if (value !== expected) throw new Error(`out of order: ${value} != ${expected}`);
      expected++;
    }
    expect(expected).toBe(50_000);
    expect(await producer).toBe(50_000);
  });

  it('carries numbers to a worker that blocks while the ring is empty', async () => {
    const ring = new RingBuffer({ capacity: 3 });
    const consumer = pool.run({ op: 'consume', ring: ring.buffer });
    for (let i = 0; i < 10_000; i++) await ring.writeAsync(i, { timeoutMs: 10_000 });
    ring.close();
    expect(await consumer).toBe(10_000);
  });

  it('is bounded: tryWrite fails when full, write times out, and writes after close throw', () => {
    const ring = new RingBuffer({ capacity: 3 });
    expect([1, 2, 3, 4].map((n) => ring.tryWrite(n))).toEqual([true, true, true, false]);
    expect(ring.length).toBe(3);
    expect(() => ring.write(5, { timeoutMs: 5 })).toThrow(expect.objectContaining({ name: 'TimeoutError' }));
    expect(ring.tryRead()).toBe(1);
    ring.close();
    expect(() => ring.tryWrite(6)).toThrow(/write after close/);
    expect([ring.read(), ring.read(), ring.read(), ring.tryRead()]).toEqual([2, 3, undefined, undefined]);
    expect(() => new RingBuffer({ capacity: 0 })).toThrow(/capacity .* received 0/);
  });

  it('keeps working when its 32-bit head and tail counters wrap around', () => {
    const ring = new RingBuffer({ capacity: 3 });
    const header = new Int32Array(ring.buffer, 0, 2); // [head, tail], as the ring lays them out
    header[0] = header[1] = 2 ** 31 - 2;
    const out: (number | undefined)[] = [];
    for (let i = 0; i < 10; i++) {
      expect(ring.tryWrite(i)).toBe(true);
      expect(ring.length).toBe(1);
      out.push(ring.tryRead());
    }
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(header[0]).toBeLessThan(0); // it did wrap
  });

  it('close() wakes a waiting readAsync(), which resolves undefined; abort rejects it', async () => {
    const ring = new RingBuffer({ capacity: 4 });
    const controller = new AbortController();
    const aborted = ring.readAsync({ signal: controller.signal });
    controller.abort(new Error('stop reading'));
    await expect(aborted).rejects.toThrow('stop reading');
    const waiting = ring.readAsync({ timeoutMs: 10_000 });
    ring.close();
    await expect(waiting).resolves.toBeUndefined();
  });
});
