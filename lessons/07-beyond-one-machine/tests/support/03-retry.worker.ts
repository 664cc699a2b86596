// A worker process for exercise 3: "poison" jobs always fail, "flaky" ones fail twice and
// then pass. Every attempt is recorded with Redis's clock (one clock for all processes).
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type * as Answer from '../../solutions/03-retries-dead-letter.ts';
import { config, connection, FAST, load, ready, report } from './child.ts';

const c = config();
try {
  const { sendToDeadLetter } = await load<typeof Answer>(c);
  const redis = new Redis(connection(c));
  const worker = new Worker(
    c.queue,
    async (job) => {
      const [s, us] = await redis.time();
      await redis.rpush(`attempts:${job.id}`, String(Number(s) * 1000 + Number(us) / 1000));
      if (job.data.kind === 'poison') throw new Error('poison: the image cannot be decoded');
      if (job.data.kind === 'flaky' && job.attemptsMade < 2) throw new Error('flaky: the service timed out');
      return 'ok';
    },
    { connection: connection(c), concurrency: 2, ...FAST },
  );
  sendToDeadLetter(worker, new Queue(`${c.queue}-dead`, { connection: connection(c) }));
  await worker.waitUntilReady();
  ready();
} catch (error) {
  report(error);
  process.exit(1);
}
