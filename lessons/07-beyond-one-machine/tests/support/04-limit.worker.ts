// A worker process for exercise 4: every job is one call to a partner API, guarded by the
// answer's tryAcquire. The API's log is a Redis list.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type * as Answer from '../../solutions/04-rate-limit.ts';
import { barrierClient, config, connection, FAST, load, ready, report } from './child.ts';

const c = config();
try {
  const { tryAcquire } = await load<typeof Answer>(c);
  const redis = new Redis(connection(c));
  const worker = new Worker(
    c.queue,
    async (job) => {
      const { key, max, windowMs, parties } = job.data as { key: string; max: number; windowMs: number; parties?: number };
      // One client per job, so each concurrent job meets the others at the barrier.
      const store = parties ? barrierClient(redis.duplicate(), `barrier:${key}`, parties) : redis;
      const allowed = await tryAcquire(store, key, max, windowMs);
      await redis.rpush(allowed ? `calls:${key}` : `refused:${key}`, `${c.name} job ${job.id}`);
      if (store !== redis) store.disconnect();
      return allowed;
    },
    { connection: connection(c), concurrency: 2, ...FAST },
  );
  await worker.waitUntilReady();
  ready();
} catch (error) {
  report(error);
  process.exit(1);
}
