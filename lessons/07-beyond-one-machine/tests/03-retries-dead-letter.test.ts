import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { retryOptions } from '#impl/03-retries-dead-letter';
import { eventually, MISSING, useRedis, type WorkerProcess } from './support/harness.ts';

const WORKER = new URL('./support/03-retry.worker.ts', import.meta.url);

describe('retryOptions()', () => {
  test('at most N attempts, exponential backoff from delayMs', () => {
    expect(retryOptions(4, 40)).toMatchObject({ attempts: 4, backoff: { type: 'exponential', delay: 40 } });
  });
  test('rejects bad numbers, naming them', () => {
    expect(() => retryOptions(0, 10)).toThrow(/attempts/);
    expect(() => retryOptions(1.5, 10)).toThrow(RangeError);
    expect(() => retryOptions(3, -1)).toThrow(/delayMs/);
  });
});

describe('retries and a dead-letter queue — two real worker processes', () => {
  const redis = useRedis();
  let q: Queue;
  let dead: Queue;
  let events: QueueEvents;
  let workers: WorkerProcess[] = [];
  const attempts = async (id: string): Promise<number[]> => (await redis.client().lrange(`attempts:${id}`, 0, -1)).map(Number);

  beforeAll(async () => {
    if (MISSING) return;
    q = new Queue('images', { connection: redis.server().connection });
    dead = new Queue('images-dead', { connection: redis.server().connection });
    events = new QueueEvents('images', { connection: redis.server().connection });
    workers = await Promise.all(['w1', 'w2'].map((name) => redis.spawn(WORKER, '03-retries-dead-letter', { queue: 'images', name })));
    await events.waitUntilReady();
  }, 30_000);
  afterAll(async () => {
    await events?.close();
    await dead?.close();
    await q?.close();
  });

  test('a poison job runs exactly 4 times, further apart each time, then lands in the dead-letter queue once', async () => {
    expect(workers.flatMap((w) => w.errors), 'a worker process failed to start').toEqual([]);
    const job = await q.add('resize', { kind: 'poison', url: 'cat.png' }, retryOptions(4, 40));
    // Wait for the first of: a dead letter, or a 5th attempt (a retry with no limit).
    await eventually(async () => (await dead.count()) > 0 || (await attempts(job.id!)).length > 4, {
      timeoutMs: 8000,
      message: 'the poison job neither reached the dead-letter queue nor ran a 5th time',
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // let a late duplicate dead letter show up
    const runs = await attempts(job.id!);
    expect(runs.length, `the poison job ran ${runs.length} times: it should stop after 4 attempts (and only then be dead-lettered)`).toBe(4);
    const gaps = runs.slice(1).map((t, i) => t - runs[i]!);
    gaps.forEach((gap, i) => {
      expect(gap, `attempt ${i + 2} started ${gap.toFixed(0)} ms after attempt ${i + 1}: the backoff should wait at least ${40 * 2 ** i} ms`).toBeGreaterThanOrEqual(40 * 2 ** i - 2);
    });
    const letters = await dead.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(letters, 'exactly one dead letter for the poison job').toHaveLength(1);
    expect(letters[0]!.data).toEqual({ jobId: job.id, data: { kind: 'poison', url: 'cat.png' }, failedReason: 'poison: the image cannot be decoded', attemptsMade: 4 });
    expect(await q.getJobState(job.id!)).toBe('failed');
  }, 30_000);

  test('a job that fails twice and then passes is completed, and is not dead-lettered', async () => {
    const job = await q.add('resize', { kind: 'flaky', url: 'dog.png' }, retryOptions(4, 20));
    const result = await job.waitUntilFinished(events, 15_000).catch((e: Error) => `failed: ${e.message}`);
    expect(result, 'the third attempt passes').toBe('ok');
    expect(await attempts(job.id!)).toHaveLength(3);
    const letters = await dead.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(letters.map((l) => (l.data as { jobId: string }).jobId), 'a job that still had attempts left was dead-lettered').not.toContain(job.id);
  }, 30_000);
});
