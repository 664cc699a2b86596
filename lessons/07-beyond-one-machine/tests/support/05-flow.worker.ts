// A worker process for exercise 5: runs 'square' and 'sum' jobs with the answer's handlers.
// A child whose value is in the Redis set "crash-after" fails once *after* its handler
// ran — as if the worker died before reporting — so it runs again.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type * as Answer from '../../solutions/05-fan-in.ts';
import { config, connection, FAST, load, ready, report } from './child.ts';

const c = config();
try {
  const { square, sum } = await load<typeof Answer>(c);
  const redis = new Redis(connection(c));
  const worker = new Worker(
    c.queue,
    async (job) => {
      await redis.rpush(`runs:${job.name}`, `${c.name} ${job.id}`);
      if (job.name === 'sum') return sum(job, redis);
      const result = await square(job, redis);
      if (job.attemptsMade === 0 && (await redis.srem('crash-after', String(job.data.value))) === 1) {
        throw new Error('the connection dropped before the result was saved');
      }
      return result;
    },
    { connection: connection(c), concurrency: 2, ...FAST },
  );
  await worker.waitUntilReady();
  ready();
} catch (error) {
  report(error);
  process.exit(1);
}
