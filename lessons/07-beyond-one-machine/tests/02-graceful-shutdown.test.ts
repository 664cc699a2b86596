import { Queue } from 'bullmq';
import { exited } from '@interleave/lesson-kit/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shutDownOnSigterm } from '#impl/02-graceful-shutdown';
import { MISSING, pop, useRedis, type WorkerProcess } from './support/harness.ts';

const WORKER = new URL('./support/02-shutdown.worker.ts', import.meta.url);

describe('shutDownOnSigterm() — a real worker process gets SIGTERM', () => {
  const redis = useRedis();
  let busy: WorkerProcess;
  let idle: WorkerProcess;
  let queues: Queue[] = [];

  beforeAll(async () => {
    if (MISSING) return;
    queues = ['busy', 'idle'].map((name) => new Queue(name, { connection: redis.server().connection }));
    const started = await Promise.all(['busy', 'idle'].map((name) => redis.spawn(WORKER, '02-graceful-shutdown', { queue: name, name })));
    busy = started[0]!;
    idle = started[1]!;
  }, 30_000);
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
  });

  test('SIGTERM mid-job: the job finishes, no new job is taken, the process exits with code 0', async () => {
    expect(busy.errors, 'the worker process failed to start').toEqual([]);
    const [q] = queues;
    const a = await q!.add('email', { to: 'ada' });
    expect(await pop(redis.client(), 'started', 10_000, 'the worker never started job A')).toBe(a.id);
    busy.child.kill('SIGTERM');
    await pop(redis.client(), 'sigterm', 5000, 'the worker process never handled SIGTERM');
    const b = await q!.add('email', { to: 'grace' }); // arrives while the worker is shutting down
    await redis.client().rpush(`release:${a.id}`, 'go'); // let job A finish
    await exited(busy.child, {
      timeoutMs: 10_000,
      message: 'the worker was still running 10 s after SIGTERM, with its job finished: call exit(0) once worker.close() has resolved',
    });
    const stateA = await q!.getJobState(a.id!);
    expect(stateA, `job A was ${stateA} when the worker exited: it was dropped mid-way — await worker.close() (without force) before exiting`).toBe('completed');
    expect((await q!.getJob(a.id!))?.returnvalue).toBe('done');
    const stateB = await q!.getJobState(b.id!);
    expect(stateB, `job B, added after SIGTERM, is ${stateB}: the closing worker took it — close the worker so it fetches nothing more`).toBe('waiting');
    expect(busy.child.exitCode, 'exit with code 0 after a clean shutdown').toBe(0);
  }, 30_000);

  test('SIGTERM on an idle worker: it exits with code 0', async () => {
    expect(idle.errors, 'the worker process failed to start').toEqual([]);
    idle.child.kill('SIGTERM');
    await exited(idle.child, { timeoutMs: 10_000, message: 'an idle worker was still running 10 s after SIGTERM: close it and call exit(0)' });
    expect(idle.child.exitCode).toBe(0);
    expect(await redis.client().lrange('finished', 0, -1)).toHaveLength(1);
  }, 30_000);

  test('rejects something that is not a worker, naming it', () => {
    expect(() => shutDownOnSigterm(undefined as never, () => {})).toThrow(TypeError);
    expect(() => shutDownOnSigterm({} as never, () => {})).toThrow(/worker/);
  });
});
