import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { RELEASE, SAW_ABORT, STARTED, type PoolFixtureInput } from './fixtures/pool.worker.ts';
import { reach } from '../testing/reach.ts';
import { WorkerExitError, WorkerPoolClosedError, WorkerPoolQueueFullError, WorkerStartError } from './worker-errors.ts';
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

const FIXTURE = new URL('./fixtures/pool.worker.ts', import.meta.url);
const pools: WorkerPool[] = [];

function makePool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<PoolFixtureInput, unknown> {
  const pool = new WorkerPool<PoolFixtureInput, unknown>({ filename: FIXTURE, size: 2, ...options });
  pools.push(pool as WorkerPool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.destroy()));
});

function flags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(16));
}

/** The crash-suite rule: a crashed, aborted or timed-out task settles within 2 s. */
const CRASH_MS = 2_000;
/**
 * What needs a new thread (the next task after a crash, a failed start) gets longer:
 * starting a worker from .ts compiles it, which on a busy 2-core machine can take seconds.
 */
const START_MS = 10_000;

/** Resolves with how `promise` settled; rejects if it did not settle within `ms`. */
async function settled<T>(promise: Promise<T>, ms = CRASH_MS): Promise<PromiseSettledResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  try {
    const [result] = await Promise.race([Promise.allSettled([promise]), limit]);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

async function rejection(promise: Promise<unknown>, ms = CRASH_MS): Promise<unknown> {
  const result = await settled(promise, ms);
  if (result.status === 'fulfilled') throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.reason;
}

async function nextTaskWorks(pool: WorkerPool<PoolFixtureInput, unknown>): Promise<void> {
  const result = await settled(pool.run({ op: 'echo', value: 'still working' }), START_MS);
  expect(result).toEqual({ status: 'fulfilled', value: 'still working' });
}

describe('WorkerPool', () => {
  it('runs tasks on a .ts worker and resolves with their results', async () => {
    const pool = makePool();
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ op: 'echo', value })));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(pool.stats).toMatchObject({ completed: 5, failed: 0, running: 0, queued: 0 });
  });

  it('runs tasks on two threads at the same time (a rendezvous only both can pass)', async () => {
    const pool = makePool();
    const shared = flags();
    const threads = await Promise.all([
      pool.run({ op: 'barrier', flags: shared, parties: 2 }),
      pool.run({ op: 'barrier', flags: shared, parties: 2 }),
    ]);
    expect(new Set(threads).size).toBe(2);
  });

  it('keeps order of results for many short tasks (pipelined)', async () => {
    const pool = makePool();
    await pool.run({ op: 'echo', value: 0 });
    const inputs = Array.from({ length: 2_000 }, (_, i) => i);
    expect(await Promise.all(inputs.map((value) => pool.run({ op: 'echo', value })))).toEqual(inputs);
    expect(pool.stats).toMatchObject({ completed: 2_001, running: 0, queued: 0 });
  });

  it('moves what `transfer` lists instead of copying it', async () => {
    const pool = makePool();
    const buffer = new ArrayBuffer(1024);
    expect(await pool.run({ op: 'bytes', buffer }, { transfer: [buffer] })).toBe(1024);
    expect(buffer.byteLength).toBe(0);
  });

  it('stops workers idle for idleTimeoutMs and starts them again when work comes', async () => {
    const pool = makePool({ idleTimeoutMs: 20 });
    await Promise.all([pool.run({ op: 'echo', value: 1 }), pool.run({ op: 'echo', value: 2 })]);
    expect(pool.stats.workers).toBeGreaterThan(0);
    const deadline = performance.now() + START_MS;
    while (pool.stats.workers > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pool.stats.workers).toBe(0);
    await nextTaskWorks(pool);
    expect(pool.stats.respawns).toBe(0); // idle stops are not crashes
  });

  it('checks its options, naming the option and the value', () => {
    expect(() => new WorkerPool({ filename: FIXTURE, size: 0 })).toThrow(/options\.size .* received 0/);
    expect(() => new WorkerPool({ filename: FIXTURE, maxQueue: -1 })).toThrow(RangeError);
    expect(() => new WorkerPool({ filename: FIXTURE, taskTimeoutMs: Number.NaN })).toThrow(/taskTimeoutMs/);
    expect(() => new WorkerPool({ filename: 42 as unknown as string })).toThrow(/options\.filename .* received 42/);
    expect(() => new WorkerPool({ filename: './x.worker.ts' })).toThrow(/options\.filename must be absolute, received "\.\/x\.worker\.ts"/);
  });

  it('rejects with WorkerPoolQueueFullError past maxQueue', async () => {
    const pool = makePool({ size: 1, maxQueue: 1 });
    const shared = flags();
    const first = pool.run({ op: 'hold', flags: shared, value: 'a' }); // takes the one worker
    const second = pool.run({ op: 'echo', value: 'b' }); // waits in the queue
    const error = await rejection(pool.run({ op: 'echo', value: 'c' }));
    expect(error).toBeInstanceOf(WorkerPoolQueueFullError);
    Atomics.store(shared, RELEASE, 1);
    Atomics.notify(shared, RELEASE);
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
  });
});

describe('WorkerPool crash suite: every promise settles within 2 s and the next task succeeds', () => {
  it('a task that throws rejects with its own error (name, message, code, class)', async () => {
    const pool = makePool();
    await pool.run({ op: 'echo', value: 'warm' });
    const error = (await rejection(pool.run({ op: 'throw', message: 'bad input', code: 'E_BAD' }))) as Error & { code: string };
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('bad input');
    expect(error.code).toBe('E_BAD');
    expect(await rejection(pool.run({ op: 'throw-type' }))).toBeInstanceOf(TypeError);
    expect(await rejection(pool.run({ op: 'reject', message: 'async no' }))).toMatchObject({ message: 'async no' });
    expect(await rejection(pool.run({ op: 'uncloneable' }))).toMatchObject({ name: 'DataCloneError' });
    await nextTaskWorks(pool);
    expect(pool.stats).toMatchObject({ failed: 4, completed: 2, respawns: 0 });
  });

  it('process.exit in a task rejects only that task with WorkerExitError (code, thread id); the queue completes', async () => {
    const pool = makePool({ size: 1 });
    const thread = (await pool.run({ op: 'thread' })) as number;
    const crash = pool.run({ op: 'exit', code: 7 });
    const queued = [1, 2, 3].map((value) => pool.run({ op: 'echo', value }));
    const error = await rejection(crash);
    expect(error).toBeInstanceOf(WorkerExitError);
    expect(error).toMatchObject({ name: 'WorkerExitError', exitCode: 7, threadId: thread });
    // The queued tasks need the replacement thread to start: the long box.
    expect(await settled(Promise.all(queued), START_MS)).toEqual({ status: 'fulfilled', value: [1, 2, 3] });
    await nextTaskWorks(pool);
    expect(pool.stats.respawns).toBe(1);
  });

  it('out of memory under resourceLimits rejects that task with WorkerExitError, cause ERR_WORKER_OUT_OF_MEMORY', async () => {
    const pool = makePool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
    await pool.run({ op: 'echo', value: 'warm' });
    // Filling the heap takes the task itself a while on a busy machine: the long box.
    const error = await rejection(pool.run({ op: 'oom' }), START_MS);
    expect(error).toBeInstanceOf(WorkerExitError);
    expect((error as Error).cause).toMatchObject({ code: 'ERR_WORKER_OUT_OF_MEMORY' });
    await nextTaskWorks(pool);
  });

  it('aborting an infinite loop that ignores its signal terminates and replaces the worker', async () => {
    const pool = makePool({ size: 1, abortGraceMs: 10 });
    const shared = flags();
    const controller = new AbortController();
    const spinning = pool.run({ op: 'spin', flags: shared }, { signal: controller.signal });
    await reach(shared, STARTED, 1);
    controller.abort(new Error('enough'));
    expect(await rejection(spinning)).toMatchObject({ message: 'enough' });
    await nextTaskWorks(pool);
    expect(pool.stats.respawns).toBe(1);
  });

  it('aborting a cooperative running task reaches its signal, and the worker is kept', async () => {
    const pool = makePool({ size: 1, abortGraceMs: 1_000 });
    const shared = flags();
    const thread = await pool.run({ op: 'thread' });
    const controller = new AbortController();
    const task = pool.run({ op: 'cooperate', flags: shared }, { signal: controller.signal });
    await reach(shared, STARTED, 1);
    controller.abort();
    expect(await rejection(task)).toMatchObject({ name: 'AbortError' });
    await reach(shared, SAW_ABORT, 1);
    await nextTaskWorks(pool);
    expect(await pool.run({ op: 'thread' })).toBe(thread);
    expect(pool.stats.respawns).toBe(0);
  });

  it('taskTimeoutMs counts from the start of the task, not from when it was queued', async () => {
    const pool = makePool({ size: 1, taskTimeoutMs: 1_000, abortGraceMs: 10 });
    await pool.run({ op: 'echo', value: 'warm' });
    const [first, second] = [flags(), flags()];
    const a = pool.run({ op: 'hold', flags: first, value: 'a' });
    const b = pool.run({ op: 'hold', flags: second, value: 'b' });
    const c = pool.run({ op: 'echo', value: 'c' });
    // Each task runs 600 ms (< 1 000) but c waits 1 200 ms in the queue (> 1 000):
    // a timeout that counted queue time would fail b or c.
    for (const shared of [first, second]) {
      await reach(shared, STARTED, 1, START_MS);
      await new Promise((resolve) => setTimeout(resolve, 600));
      Atomics.store(shared, RELEASE, 1);
      Atomics.notify(shared, RELEASE);
    }
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    const error = await rejection(pool.run({ op: 'spin', flags: first }), 1_000 + CRASH_MS);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    await nextTaskWorks(pool);
  });

  it('aborting a queued task removes it; it never runs', async () => {
    const pool = makePool({ size: 1 });
    const shared = flags();
    const holder = pool.run({ op: 'hold', flags: shared, value: 'held' });
    const controller = new AbortController();
    const queued = pool.run({ op: 'hold', flags: shared, value: 'never' }, { signal: controller.signal });
    await reach(shared, STARTED, 1);
    expect(pool.stats.queued).toBe(1);
    controller.abort(new Error('not needed'));
    expect(await rejection(queued)).toMatchObject({ message: 'not needed' });
    expect(pool.stats.queued).toBe(0);
    Atomics.store(shared, RELEASE, 1);
    Atomics.notify(shared, RELEASE);
    expect(await holder).toBe('held');
    await nextTaskWorks(pool);
    expect(Atomics.load(shared, STARTED)).toBe(1); // the aborted task never started
  });

  it('an already aborted signal rejects at once with its reason', async () => {
    const pool = makePool();
    const reason = new Error('too late');
    expect(await rejection(pool.run({ op: 'echo', value: 1 }, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(pool.stats.workers).toBe(0);
  });

  it('close() lets running and queued tasks finish, then stops every worker', async () => {
    const pool = makePool({ size: 1 });
    const shared = flags();
    const holder = pool.run({ op: 'hold', flags: shared, value: 'held' });
    const queued = pool.run({ op: 'echo', value: 'queued' });
    await reach(shared, STARTED, 1);
    const closing = pool.close();
    expect(await rejection(pool.run({ op: 'echo', value: 'late' }))).toBeInstanceOf(WorkerPoolClosedError);
    Atomics.store(shared, RELEASE, 1);
    Atomics.notify(shared, RELEASE);
    expect(await settled(Promise.all([holder, queued, closing]))).toEqual({
      status: 'fulfilled',
      value: ['held', 'queued', undefined],
    });
    expect(pool.stats.workers).toBe(0);
  });

  it('destroy() rejects running and queued tasks with WorkerPoolClosedError and stops the workers', async () => {
    const pool = makePool({ size: 1 });
    const shared = flags();
    const spinning = pool.run({ op: 'spin', flags: shared });
    const queued = pool.run({ op: 'echo', value: 'queued' });
    await reach(shared, STARTED, 1);
    const destroyed = pool.destroy();
    expect(await rejection(spinning)).toBeInstanceOf(WorkerPoolClosedError);
    expect(await rejection(queued)).toBeInstanceOf(WorkerPoolClosedError);
    expect(await settled(destroyed)).toEqual({ status: 'fulfilled', value: undefined });
    expect(pool.stats.workers).toBe(0);
  });

  it('close() and destroy() may be called many times, in any order, and resolve quietly', async () => {
    const a = makePool();
    await a.run({ op: 'echo', value: 1 });
    await settled(Promise.all([a.close(), a.destroy(), a.close(), a.destroy()]));
    const b = makePool();
    await b.run({ op: 'echo', value: 1 });
    await settled(Promise.all([b.destroy(), b.close(), b.destroy()]));
    expect([a.stats.workers, b.stats.workers]).toEqual([0, 0]);
    const c = makePool();
    await c.close(); // never started a worker
    await c.close();
  });

  it('a worker that fails while starting rejects the waiting tasks with WorkerStartError; no respawn storm', async () => {
    const starts = new Int32Array(new SharedArrayBuffer(4));
    const pool = new WorkerPool<number, number>({
      filename: new URL('./fixtures/fail-first-start.worker.ts', import.meta.url),
      size: 1,
      workerData: { starts, failures: 1 },
    });
    pools.push(pool as WorkerPool);
    const tasks = [1, 2, 3].map((n) => pool.run(n));
    for (const task of tasks) {
      const error = await rejection(task, START_MS);
      expect(error).toBeInstanceOf(WorkerStartError);
      expect((error as Error).cause).toMatchObject({ message: 'could not start this time' });
    }
    expect(Atomics.load(starts, 0)).toBe(1); // one failed start for three tasks, not three
    expect(await settled(pool.run(41), START_MS)).toEqual({ status: 'fulfilled', value: 42 });
  });

  it('a worker module that never calls defineWorker() fails its tasks instead of hanging', async () => {
    const pool = new WorkerPool({ filename: new URL('./fixtures/exit-on-load.worker.ts', import.meta.url), size: 2 });
    pools.push(pool);
    const error = await rejection(pool.run(1), START_MS);
    expect(error).toBeInstanceOf(WorkerStartError);
    expect((error as Error).message).toMatch(/exited with code 0 before calling defineWorker/);
  });

  it('a missing worker file rejects with WorkerStartError naming the file', async () => {
    const pool = new WorkerPool({ filename: '/nonexistent/missing.worker.ts', size: 1 });
    pools.push(pool);
    expect(await rejection(pool.run(1))).toMatchObject({ name: 'WorkerStartError', message: /missing\.worker\.ts/ });
  });

  it('lets the process exit by itself after close(), and with idle workers even without close()', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pool-exit-'));
    const script = path.join(dir, 'main.mts');
    const pool = fileURLToPath(new URL('./worker-pool.ts', import.meta.url));
    writeFileSync(
      script,
      `import { WorkerPool } from ${JSON.stringify(pool)};
const a = new WorkerPool({ filename: ${JSON.stringify(fileURLToPath(FIXTURE))}, size: 2 });
console.log(await a.run({ op: 'echo', value: 'a' }));
await a.run({ op: 'exit', code: 3 }).catch((e) => console.log(e.name));
await a.close();
const b = new WorkerPool({ filename: ${JSON.stringify(fileURLToPath(FIXTURE))}, size: 2 });
console.log(await b.run({ op: 'echo', value: 'b' }));
`,
    );
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    // If anything stayed ref'd, the child would never exit and be killed here, failing the test.
    const child = await promisify(execFile)(tsx, [script], { encoding: 'utf8', timeout: 25_000, killSignal: 'SIGKILL' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim().split('\n')).toEqual(['a', 'WorkerExitError', 'b']);
  }, 30_000);
});
