/** One queue, 1, 2 and 4 worker processes: jobs per second, and what each trip to the broker costs. */
// Run: pnpm lesson 7 demo throughput. To rewrite traces/queue-*.json:
//   cd lessons/07-beyond-one-machine && npx tsx demos/01-throughput.ts --write-trace
import os from 'node:os';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { exitIfMissing } from '@interleave/lesson-kit/commands';
import { duration, loadWarning, median, ms, table, timeline, times, writeTraces } from '@interleave/lesson-kit/demo';
import { startRedis } from '../lib/redis.ts';
import { epochMs, readSpans, startWorker, stopWorkers, traceOf, type DemoWorker } from '../lib/queue-demo.ts';
import { work } from '../lib/work.ts';

const JOBS = 200; // CPU jobs per run
const ROUNDS = 400; // SHA-256 rounds per job: a few milliseconds of CPU
const EMPTY_JOBS = 1000; // jobs that do nothing: what is left is the broker's cost
const REPS = 3;
const COUNTS = [1, 2, 4];

await exitIfMissing(async () => {
  process.stdout.write(loadWarning());
  const redisServer = await startRedis();
  const redis = new Redis(redisServer.connection);
  const workers: DemoWorker[] = [];
  try {
    console.log(`A private redis-server on 127.0.0.1:${redisServer.port}; ${os.availableParallelism()} core(s), Node ${process.version}.`);
    console.log(`${JOBS} jobs of ${ROUNDS} SHA-256 rounds each, run by 1, 2 and 4 worker processes (one job at a time each); ${REPS} interleaved runs, medians.\n`);

    // The same work without a queue: what one job costs on its own.
    const t0 = performance.now();
    for (let i = 0; i < JOBS; i++) work(ROUNDS);
    const computeMs = (performance.now() - t0) / JOBS;

    let run = 0;
    const lastSpans = new Map<number, { queue: string; from: number; to: number }>();
    /** Starts `n` workers, then times `jobs` jobs from the first add to the last completion. */
    async function timeRun(n: number, jobs: number, rounds: number): Promise<number> {
      const queue = `demo-${++run}`;
      const q = new Queue(queue, { connection: redisServer.connection });
      const started = await Promise.all(Array.from({ length: n }, (_, i) => startWorker({ port: redisServer.port, queue, lane: `worker ${i + 1}` })));
      workers.push(...started);
      const from = epochMs();
      await q.addBulk(Array.from({ length: jobs }, () => ({ name: 'hash', data: { rounds }, opts: { removeOnComplete: true } })));
      while ((await redis.llen(`spans:${queue}`)) < jobs) await new Promise((resolve) => setTimeout(resolve, 5));
      const to = epochMs();
      await stopWorkers(started);
      workers.splice(0, workers.length);
      await q.close();
      if (rounds > 0) lastSpans.set(n, { queue, from, to });
      return to - from;
    }

    const times_: Record<number, number[]> = { 1: [], 2: [], 4: [] };
    const empty: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      for (const n of COUNTS) times_[n]!.push(await timeRun(n, JOBS, ROUNDS));
      empty.push(await timeRun(1, EMPTY_JOBS, 0));
    }
    const one = median(times_[1]!);
    console.log(
      table(
        ['worker processes', 'time', 'jobs/s', 'vs 1 process'],
        COUNTS.map((n) => {
          const t = median(times_[n]!);
          return [String(n), ms(t), (JOBS / (t / 1000)).toFixed(0), times(one / t)];
        }),
      ),
    );
    const perEmpty = median(empty) / EMPTY_JOBS;
    console.log(`\nOne job's work alone, no queue: ${duration(computeMs)}. With the queue, one worker: ${duration(one / JOBS)} a job.`);
    console.log(`An empty job through the queue (one worker): ${duration(perEmpty)} — the broker's round trips: fetch, lock, report, ack.`);
    console.log(`With ${os.availableParallelism()} cores, ${os.availableParallelism()}x is the ceiling; 4 processes on 2 cores only take turns.\n`);

    const traces: Record<string, ReturnType<typeof traceOf>> = {};
    for (const n of [2, 4]) {
      const last = lastSpans.get(n)!;
      const spans = await readSpans(redis, last.queue);
      const window = Math.min(last.to - last.from, 40 * computeMs);
      traces[`queue-${n}-workers`] = traceOf(
        spans,
        `${n} worker processes on one queue`,
        `The first ${Math.round(window)} ms of ${JOBS} jobs (${ROUNDS} SHA-256 rounds each) run by ${n} worker processes on a ${os.availableParallelism()}-core machine; one lane per process, from the spans each wrote to Redis.`,
        last.from,
        last.from + window,
      );
      console.log(`${n} worker processes, the first ${ms(window)}:`);
      console.log(timeline(traces[`queue-${n}-workers`]!, 72));
      console.log();
    }
    const written = writeTraces(new URL('../traces/', import.meta.url), traces);
    if (written.length > 0) console.log(`Wrote ${written.join(', ')}`);
  } finally {
    await stopWorkers(workers);
    redis.disconnect();
    await redisServer.stop();
  }
});
