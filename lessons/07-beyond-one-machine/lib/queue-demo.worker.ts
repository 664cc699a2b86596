// A worker process for the demos: runs jobs of the demo queue, one at a time (one process
// standing in for one machine), and records a span per job in Redis. SIGTERM: finish the
// job in hand, take no new one, exit (exercise 2's answer).
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { epochMs } from '@interleave/lesson-kit/demo';
import type { DemoWorkerConfig } from './queue-demo.ts';
import { work } from './work.ts';

const c = JSON.parse(process.argv[2]!) as DemoWorkerConfig;
const connection = { host: '127.0.0.1', port: c.port, maxRetriesPerRequest: null };
const redis = new Redis(connection);
const worker = new Worker(
  c.queue,
  async (job) => {
    const start = epochMs();
    await redis.rpush(`started:${c.queue}`, JSON.stringify({ lane: c.lane, id: job.id, start }));
    let result = 0;
    for (let step = 0; step < (job.data.steps ?? 1); step++) {
      result = work(job.data.rounds ?? 0);
      if (job.data.steps > 1) await new Promise((resolve) => setImmediate(resolve)); // let the lock be renewed
    }
    await redis.rpush(`spans:${c.queue}`, JSON.stringify({ lane: c.lane, label: `job ${job.id}`, start, end: epochMs() }));
    return result;
  },
  { connection, concurrency: 1, lockDuration: c.lockDuration ?? 30_000, stalledInterval: c.stalledInterval ?? 30_000 },
);
process.once('SIGTERM', () => {
  void worker.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
await worker.waitUntilReady();
process.send?.('ready');
