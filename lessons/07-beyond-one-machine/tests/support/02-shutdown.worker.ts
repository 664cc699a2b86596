// A worker process for exercise 2: each job announces itself, then waits (on a Redis list)
// until the test releases it. The answer under test handles SIGTERM.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type * as Answer from '../../solutions/02-graceful-shutdown.ts';
import { config, connection, FAST, load, ready, report } from './child.ts';

const c = config();
try {
  const { shutDownOnSigterm } = await load<typeof Answer>(c);
  const redis = new Redis(connection(c));
  const gate = new Redis(connection(c));
  const worker = new Worker(
    c.queue,
    async (job) => {
      await redis.rpush('started', job.id!);
      await gate.blpop(`release:${job.id}`, 0);
      await redis.rpush('finished', job.id!);
      return 'done';
    },
    { connection: connection(c), concurrency: 1, ...FAST },
  );
  // The harness hears SIGTERM first (listeners run in the order they were added, in one
  // go), so when the test sees "sigterm" the answer's handler has already run its first step.
  process.on('SIGTERM', () => void redis.rpush('sigterm', c.name));
  shutDownOnSigterm(worker);
  await worker.waitUntilReady();
  ready();
} catch (error) {
  report(error);
  process.exit(1);
}
