// A worker process for exercise 1: a BullMQ worker whose jobs call the answer's chargeOnce.
// The "payment provider" is a Redis list, so the test counts real charges.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type * as Answer from '../../solutions/01-charge-once.ts';
import { barrierClient, FAST, config, connection, load, ready, report } from './child.ts';

const c = config();
try {
  const { chargeOnce } = await load<typeof Answer>(c);
  const redis = new Redis(connection(c));
  const payments = {
    async charge(orderId: string, amount: number): Promise<void> {
      const failures = await redis.decr(`fail-charge:${orderId}`);
      if (failures >= 0) throw new Error('card network timeout');
      await redis.rpush(`charges:${orderId}`, `${amount} by ${c.name}`);
      if (await redis.get(`hang-after-charge:${orderId}`)) {
        await redis.del(`hang-after-charge:${orderId}`);
        await redis.rpush(`hanging:${orderId}`, c.name);
        await new Promise(() => {}); // stuck until the test kills this process
      }
    },
  };
  const worker = new Worker(
    c.queue,
    async (job) => {
      const store = job.data.parties ? barrierClient(redis, `barrier:${job.data.orderId}`, job.data.parties) : redis;
      const outcome = await chargeOnce(store, job.data, payments);
      if (job.data.failAfterCharge && job.attemptsMade === 0) throw new Error('the receipt service is down');
      return outcome;
    },
    { connection: connection(c), concurrency: 1, ...FAST },
  );
  await worker.waitUntilReady();
  ready();
} catch (error) {
  report(error);
  process.exit(1);
}
