import { FlowProducer, Queue, QueueEvents, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sumOfSquaresFlow } from '#impl/05-fan-in';
import { MISSING, useRedis, type WorkerProcess } from './support/harness.ts';

const WORKER = new URL('./support/05-flow.worker.ts', import.meta.url);
const QUEUE = 'maths';

describe('sumOfSquaresFlow()', () => {
  test('a parent "sum" with one "square" child per value, each child retried up to 3 times', () => {
    const flow = sumOfSquaresFlow(QUEUE, [2, 3]);
    expect(flow).toMatchObject({ name: 'sum', queueName: QUEUE, data: {} });
    expect(flow.children).toHaveLength(2);
    expect(flow.children![0]).toMatchObject({ name: 'square', queueName: QUEUE, data: { value: 2 }, opts: { attempts: 3 } });
  });
  test('rejects values that are not a non-empty array of numbers, naming them', () => {
    expect(() => sumOfSquaresFlow(QUEUE, [])).toThrow(/values/);
    expect(() => sumOfSquaresFlow(QUEUE, [1, Number.NaN])).toThrow(RangeError);
  });
});

describe('fan-out/fan-in on two real worker processes', () => {
  const redis = useRedis();
  let flows: FlowProducer;
  let queue: Queue;
  let events: QueueEvents;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    if (MISSING) return;
    flows = new FlowProducer({ connection: redis.server().connection });
    queue = new Queue(QUEUE, { connection: redis.server().connection });
    events = new QueueEvents(QUEUE, { connection: redis.server().connection });
    workers = await Promise.all(['w1', 'w2'].map((name) => redis.spawn(WORKER, '05-fan-in', { queue: QUEUE, name })));
    await events.waitUntilReady();
  }, 30_000);
  afterAll(async () => {
    await events?.close();
    await flows?.close();
    await queue?.close();
  });

  /** The parent's result — or, as soon as a child has failed for good, a message saying so. */
  function parentResult(parent: Job): Promise<unknown> {
    return new Promise((resolve) => {
      const onFailed = async ({ jobId, failedReason }: { jobId: string; failedReason: string }): Promise<void> => {
        const job = await queue.getJob(jobId);
        if (job && job.name === 'square' && job.attemptsMade >= (job.opts.attempts ?? 1)) {
          events.off('failed', onFailed);
          resolve(`child ${job.data.value} failed for good (${failedReason}) after ${job.attemptsMade} attempt(s); the parent will wait for ever`);
        }
      };
      events.on('failed', onFailed);
      parent.waitUntilFinished(events, 15_000).then(resolve, (e: Error) => resolve(`the parent failed: ${e.message}`)).finally(() => events.off('failed', onFailed));
    });
  }

  test('sums 1..6 squared = 91, exactly once, though child 3 runs twice', async () => {
    expect(workers.flatMap((w) => w.errors), 'a worker process failed to start').toEqual([]);
    await redis.client().sadd('crash-after', '3');
    const { job: parent } = await flows.add(sumOfSquaresFlow(QUEUE, [1, 2, 3, 4, 5, 6]));
    const result = await parentResult(parent);
    expect(result, 'child 3 ran twice; with each square returned (not added to a shared total) the sum counts it once').toBe(91);
    expect(await redis.client().llen('runs:sum'), 'the parent runs once, after every child').toBe(1);
    expect(await redis.client().llen('runs:square'), 'six children, one of them twice').toBe(7);
  }, 30_000);
});
