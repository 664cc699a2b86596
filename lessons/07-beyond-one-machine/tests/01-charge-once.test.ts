import { Queue, QueueEvents, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pop, MISSING, useRedis, type WorkerProcess } from './support/harness.ts';

// Imported for the type only: the answer runs inside the worker processes.
import type { chargeOnce } from '#impl/01-charge-once';

const WORKER = new URL('./support/01-charge.worker.ts', import.meta.url);
const QUEUE = 'orders';

describe('chargeOnce() — two real worker processes on one BullMQ queue', () => {
  const redis = useRedis();
  let q: Queue;
  let events: QueueEvents;
  let workers: WorkerProcess[] = [];
  const charges = (orderId: string): Promise<string[]> => redis.client().lrange(`charges:${orderId}`, 0, -1);
  type Outcome = Awaited<ReturnType<typeof chargeOnce>>;
  const finished = (job: Job): Promise<Outcome | `failed: ${string}`> =>
    job.waitUntilFinished(events, 15_000).catch((e: Error) => `failed: ${e.message}` as const);
  /** A job that failed for good shows its error first: that is what to fix. */
  const succeeded = (outcome: string): void => {
    expect(outcome, 'the job failed on every attempt').not.toMatch(/^failed: /);
  };

  beforeAll(async () => {
    if (MISSING) return;
    q = new Queue(QUEUE, { connection: redis.server().connection });
    events = new QueueEvents(QUEUE, { connection: redis.server().connection });
    workers = await Promise.all(['w1', 'w2'].map((name) => redis.spawn(WORKER, '01-charge-once', { queue: QUEUE, name })));
    await events.waitUntilReady();
  }, 30_000);
  afterAll(async () => {
    await events?.close();
    await q?.close();
  });

  test('a job that fails after charging is retried — and charges once', async () => {
    const job = await q.add('charge', { orderId: 'A-1', amount: 30, failAfterCharge: true }, { attempts: 3 });
    const outcome = await finished(job);
    succeeded(outcome);
    expect(await charges('A-1'), 'the first attempt charged, then failed; the retry must see the claim and not charge again').toHaveLength(1);
    expect(outcome, 'the job should complete on its second attempt, finding the order already charged').toBe('duplicate');
  }, 30_000);

  test('a charge that fails leaves the order free, so the retry charges it', async () => {
    await redis.client().set('fail-charge:B-1', '1');
    const job = await q.add('charge', { orderId: 'B-1', amount: 12 }, { attempts: 3 });
    const outcome = await finished(job);
    succeeded(outcome);
    expect(outcome, 'the first charge failed (card network timeout): release the claim (DEL) so the retry can charge').toBe('charged');
    expect(await charges('B-1')).toHaveLength(1);
  }, 30_000);

  test('the same order added twice, run by both workers at the same moment, charges once', async () => {
    // The harness holds each worker right after its first Redis command until both have
    // sent theirs: a check in one command and a set in the next always interleave.
    const jobs = await Promise.all([1, 2].map(() => q.add('charge', { orderId: 'C-1', amount: 50, parties: 2 })));
    const outcomes = await Promise.all(jobs.map(finished));
    outcomes.forEach(succeeded);
    const charged = await charges('C-1');
    expect(charged.length, `both workers checked, then both set and charged (${charged.join(', ')}): claim with one atomic command, SET … NX`).toBe(1);
    expect(outcomes.sort()).toEqual(['charged', 'duplicate']);
  }, 30_000);

  test('a worker killed (SIGKILL) right after charging: its job comes back stalled, the other worker runs it again, no second charge', async () => {
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await redis.client().set('hang-after-charge:D-1', '1');
    const job = await q.add('charge', { orderId: 'D-1', amount: 99 });
    // Either a worker charged and now hangs (as the harness makes it), or the job ended first.
    const first = await Promise.race([
      pop(redis.client(), 'hanging:D-1', 10_000, 'no worker charged order D-1').then((name) => ({ name })),
      finished(job).then((outcome) => ({ outcome })),
    ]);
    expect(first, 'the job should charge and then hang until the test kills its worker').not.toHaveProperty('outcome');
    const name = (first as { name: string }).name;
    const victim = workers.find((w) => w.name === name)!;
    victim.child.kill('SIGKILL'); // for real: no chance to finish, clean up or release its lock
    const outcome = await finished(job);
    succeeded(outcome);
    expect(stalled, "BullMQ should have moved the dead worker's job back to the queue as stalled").toContain(job.id);
    expect(await charges('D-1'), 'the job ran twice (at-least-once delivery); the card must be charged once').toEqual([`99 by ${name}`]);
    expect(outcome, 'the surviving worker should finish the job, finding the order already charged').toBe('duplicate');
  }, 30_000);
});
