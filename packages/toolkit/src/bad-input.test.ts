// One rule for bad input across the package (src/internal/check.ts): a value of the wrong
// type is a TypeError, a number out of range a RangeError; counts are safe integers; every
// time option is 0 … 2**31 - 1 ms (or Infinity where it means "no limit") and is rejected,
// not clamped, beyond — Node fires a longer timer after 1 ms. Each message names the option.
import { describe, expect, it } from 'vitest';
import { Barrier } from './coordination/barrier.ts';
import { Channel } from './coordination/channel.ts';
import { Queue } from './coordination/queue.ts';
import { Semaphore } from './coordination/semaphore.ts';
import { sleep } from './core/sleep.ts';
import { withTimeout } from './core/with-timeout.ts';
import { createLimiter } from './limiting/create-limiter.ts';
import { pooledMap } from './limiting/pooled-map.ts';
import { retry } from './limiting/retry.ts';
import { AtomicMutex } from './shared-memory/atomic-mutex.ts';
import { RingBuffer } from './shared-memory/ring-buffer.ts';
import { SharedCounter } from './shared-memory/shared-counter.ts';
import { VirtualClock } from './tracing/virtual-clock.ts';
import { WorkerPool, type WorkerPoolOptions } from './workers/worker-pool.ts';

const FIXTURE = new URL('./workers/fixtures/pool.worker.ts', import.meta.url);
const TOO_LONG = 2 ** 31;
const pool = (options: Partial<WorkerPoolOptions>) => new WorkerPool({ filename: FIXTURE, ...options });
const noop = async () => undefined;

describe('time options: 0 … 2**31 - 1 ms, rejected beyond with a RangeError naming the option (item 19)', () => {
  it.each(['taskTimeoutMs', 'idleTimeoutMs', 'abortGraceMs'] as const)('WorkerPool options.%s', (name) => {
    expect(() => pool({ [name]: TOO_LONG })).toThrow(RangeError);
    expect(() => pool({ [name]: TOO_LONG })).toThrow(new RegExp(`WorkerPool: options\\.${name} must be a number of ms from \\d to 2147483647 \\(2\\*\\*31 - 1\\) or Infinity, got 2147483648`));
    expect(() => pool({ [name]: '5' as unknown as number })).toThrow(TypeError);
    // The largest allowed value and Infinity ("no limit") are accepted.
    expect(() => pool({ [name]: TOO_LONG - 1 })).not.toThrow();
    expect(() => pool({ [name]: Infinity })).not.toThrow();
  });

  it('retry options.minDelayMs and options.maxDelayMs, each blamed by name', async () => {
    await expect(retry(noop, { minDelayMs: TOO_LONG, maxDelayMs: 2 ** 32, jitter: 0 })).rejects.toThrow(/retry: options\.minDelayMs must be a number of ms from 0 to 2147483647/);
    await expect(retry(noop, { maxDelayMs: 2 ** 32 })).rejects.toThrow(/retry: options\.maxDelayMs must be a number of ms from 0 to 2147483647 \(2\*\*31 - 1\), got 4294967296/);
    await expect(retry(noop, { maxDelayMs: 2 ** 32 })).rejects.toBeInstanceOf(RangeError);
  });

  it('sleep, withTimeout, VirtualClock.sleep, AtomicMutex and RingBuffer timeouts', async () => {
    await expect(sleep(TOO_LONG)).rejects.toThrow(/sleep\(\): ms must be a number of ms from 0 to 2147483647/);
    await expect(withTimeout(noop, TOO_LONG)).rejects.toThrow(/withTimeout\(\): ms must be/);
    await expect(new VirtualClock().sleep(TOO_LONG)).rejects.toThrow(/VirtualClock\.sleep: ms must be/);
    const mutex = new AtomicMutex();
    expect(() => mutex.lock({ timeoutMs: TOO_LONG })).toThrow(/AtomicMutex\.lock: options\.timeoutMs must be .* or Infinity, got 2147483648/);
    expect(() => mutex.lock({ timeoutMs: 'soon' as unknown as number })).toThrow(TypeError);
    const ring = new RingBuffer({ capacity: 4 });
    expect(() => ring.read({ timeoutMs: TOO_LONG })).toThrow(RangeError);
  });
});

describe('kinds of bad input: TypeError for a wrong type, RangeError for a number out of range (item 23)', () => {
  it('pooledMap names its parameters; a string is an iterable like any other', async () => {
    expect(() => pooledMap(42 as unknown as number[], noop)).toThrow(/pooledMap: items must be an iterable or async iterable, got 42/);
    expect(() => pooledMap([1], noop, { concurrency: 0 })).toThrow(RangeError);
    expect(() => pooledMap([1], noop, { concurrency: 2 ** 53 })).toThrow(/pooledMap: options\.concurrency must be an integer from 1 to 2\*\*53 - 1 or Infinity, got 9007199254740992/);
    expect(() => pooledMap([1], noop, { concurrency: '2' as unknown as number })).toThrow(TypeError);
    const out: string[] = [];
    for await (const c of pooledMap('str', async (c) => c.toUpperCase())) out.push(c);
    expect(out).toEqual(['S', 'T', 'R']);
  });

  it('createLimiter(0) is a RangeError as Semaphore(0) is; 2**53 is out of range for both and for WorkerPool', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => createLimiter(2 ** 53)).toThrow(RangeError);
    expect(() => new Semaphore(2 ** 53)).toThrow(RangeError);
    expect(() => pool({ size: 2 ** 53 })).toThrow(/WorkerPool: options\.size must be an integer from 1 to 2\*\*53 - 1, got 9007199254740992/);
    expect(() => pool({ maxQueue: 2 ** 53 })).toThrow(RangeError);
    expect(() => pool({ maxQueue: 1.5 })).toThrow(RangeError);
  });

  it('a non-number count is a TypeError everywhere', () => {
    expect(() => createLimiter('2' as unknown as number)).toThrow(TypeError);
    expect(() => new Semaphore('2' as unknown as number)).toThrow(TypeError);
    expect(() => new Barrier('2' as unknown as number)).toThrow(TypeError);
    expect(() => new Channel({ capacity: '1' as unknown as number })).toThrow(TypeError);
    expect(() => new Queue({ maxSize: '1' as unknown as number })).toThrow(TypeError);
    expect(() => pool({ size: '2' as unknown as number })).toThrow(TypeError);
  });

  it('retry blames the option that is wrong: minDelayMs 2**53, or a minDelayMs above the default maxDelayMs', async () => {
    await expect(retry(noop, { minDelayMs: 2 ** 53 })).rejects.toThrow(/options\.minDelayMs must be/);
    await expect(retry(noop, { minDelayMs: 20_000 })).rejects.toThrow(/options\.minDelayMs \(20000\) must not exceed the default options\.maxDelayMs \(10000\)/);
    await expect(retry(noop, { maxAttempts: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(retry(noop, { maxAttempts: '3' as unknown as number })).rejects.toBeInstanceOf(TypeError);
  });

  it('SharedCounter refuses initial together with buffer instead of ignoring it', () => {
    const first = new SharedCounter({ initial: 5 });
    expect(() => new SharedCounter({ buffer: first.buffer, initial: 7 })).toThrow(/SharedCounter: options\.initial cannot be used with options\.buffer/);
    expect(new SharedCounter({ buffer: first.buffer }).value).toBe(5);
  });
});
