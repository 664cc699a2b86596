import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tryAcquire } from '#impl/04-rate-limit';
import { eventually, MISSING, useRedis, type WorkerProcess } from './support/harness.ts';

const WORKER = new URL('./support/04-limit.worker.ts', import.meta.url);

describe('tryAcquire() — one limit across two worker processes', () => {
  const redis = useRedis();
  let q: Queue;
  let events: QueueEvents;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    if (MISSING) return;
    q = new Queue('api-calls', { connection: redis.server().connection });
    events = new QueueEvents('api-calls', { connection: redis.server().connection });
    workers = await Promise.all(['w1', 'w2'].map((name) => redis.spawn(WORKER, '04-rate-limit', { queue: 'api-calls', name })));
    await events.waitUntilReady();
  }, 30_000);
  afterAll(async () => {
    await events?.close();
    await q?.close();
  });

  test('4 jobs at the same moment on 2 processes, then 2 more: the API sees 3 calls in the window', async () => {
    expect(workers.flatMap((w) => w.errors), 'a worker process failed to start').toEqual([]);
    const key = 'rate:partner';
    // Each process runs 2 jobs at once. The harness holds the 4 concurrent jobs right after
    // their first Redis command until all 4 have sent it: a read-then-write always races.
    const first = await q.addBulk([1, 2, 3, 4].map(() => ({ name: 'call', data: { key, max: 3, windowMs: 60_000, parties: 4 } })));
    const results = await Promise.all(first.map((j) => j.waitUntilFinished(events, 15_000).catch((e: Error) => `failed: ${e.message}`)));
    const more = await q.addBulk([5, 6].map(() => ({ name: 'call', data: { key, max: 3, windowMs: 60_000 } })));
    results.push(...(await Promise.all(more.map((j) => j.waitUntilFinished(events, 15_000).catch((e: Error) => `failed: ${e.message}`)))));
    const failed = results.filter((r) => typeof r === 'string');
    expect(failed, 'jobs failed').toEqual([]);
    const calls = await redis.client().lrange(`calls:${key}`, 0, -1);
    expect(calls.length, `the API got ${calls.length} calls (${calls.join('; ')}) with a limit of 3 for everyone: count in Redis, in one atomic command`).toBe(3);
    expect(await redis.client().llen(`refused:${key}`)).toBe(3);
  }, 30_000);

  test('a window ends windowMs after its first call, and the next call opens a new one', async () => {
    const key = 'rate:window';
    const client = redis.client();
    expect(await tryAcquire(client, key, 2, 300)).toBe(true);
    const ttl = await client.pttl(key);
    expect(ttl, `the counter's time to live was ${ttl} ms after the first call: start the window with PEXPIRE key windowMs`).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    expect(await tryAcquire(client, key, 2, 300)).toBe(true);
    expect(await tryAcquire(client, key, 2, 300), 'the third call in a window of 2 must be refused').toBe(false);
    await eventually(async () => (await client.exists(key)) === 0, { timeoutMs: 3000, message: 'the counter never expired: start the window with PEXPIRE' });
    expect(await tryAcquire(client, key, 2, 300), 'a new window has begun').toBe(true);
  }, 30_000);

  test('rejects a bad max or windowMs, naming it', async () => {
    await expect(tryAcquire(redis.client(), 'rate:x', 0, 100)).rejects.toThrow(/max/);
    await expect(tryAcquire(redis.client(), 'rate:x', 2, 0)).rejects.toThrow(/windowMs/);
  });
});
