/** At-least-once: kill a worker process mid-job (SIGKILL) and watch its job come back as stalled and run again. */
// Run: pnpm lesson 7 demo stalled. To rewrite traces/stalled-job.json:
//   cd lessons/07-beyond-one-machine && npx tsx demos/02-stalled.ts --write-trace
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { exitIfMissing } from '@interleave/lesson-kit/commands';
import { loadWarning, ms, timeline, writeTraces } from '@interleave/lesson-kit/demo';
import { startRedis } from '../lib/redis.ts';
import { epochMs, readSpans, startWorker, stopWorkers, traceOf, type DemoWorker } from '../lib/queue-demo.ts';

const LOCK_MS = 1000; // a worker renews its job's lock every LOCK_MS / 2; a dead one cannot
const QUEUE = 'stalled-demo';

await exitIfMissing(async () => {
  process.stdout.write(loadWarning());
  const redisServer = await startRedis();
  const redis = new Redis(redisServer.connection);
  const workers: DemoWorker[] = [];
  const q = new Queue(QUEUE, { connection: redisServer.connection });
  const events = new QueueEvents(QUEUE, { connection: redisServer.connection });
  try {
    await events.waitUntilReady();
    for (const lane of ['worker 1', 'worker 2']) {
      workers.push(await startWorker({ port: redisServer.port, queue: QUEUE, lane, lockDuration: LOCK_MS, stalledInterval: LOCK_MS / 2 }));
    }
    const t0 = epochMs();
    const say = (line: string): void => console.log(`${ms(epochMs() - t0).padStart(9)}  ${line}`);
    say('two worker processes are waiting on the queue');
    events.on('active', ({ jobId }) => say(`job ${jobId} is active`));
    events.on('stalled', ({ jobId }) => say(`job ${jobId} STALLED: its lock expired with no worker renewing it — back to the queue`));
    events.on('completed', ({ jobId }) => say(`job ${jobId} completed`));
    // Many short steps of hashing, so the job takes a while and keeps its lock renewed.
    const job = await q.add('report', { rounds: 200, steps: 60 });
    say(`added job ${job.id}`);
    const blocking = redis.duplicate();
    const first = JSON.parse((await blocking.blpop(`started:${QUEUE}`, 30))![1]) as { lane: string; start: number };
    const victim = workers.find((w) => w.lane === first.lane)!;
    await new Promise((resolve) => setTimeout(resolve, 150)); // well into the job
    victim.child.kill('SIGKILL');
    const killedAt = epochMs();
    say(`SIGKILL to ${victim.lane} (pid ${victim.child.pid}) in the middle of job ${job.id}`);
    await job.waitUntilFinished(events, 60_000);
    blocking.disconnect();
    const again = await q.getJob(job.id!);
    say(`done: job ${job.id} ran ${again?.stalledCounter === 1 ? 'twice — once stalled' : `with stalledCounter ${again?.stalledCounter}`}: delivery is at least once, not exactly once.`);
    const spans = [{ lane: victim.lane, label: `job ${job.id} (killed)`, start: first.start, end: killedAt }, ...(await readSpans(redis, QUEUE))];
    const end = Math.max(...spans.map((s) => s.end));
    const trace = traceOf(
      spans,
      'A killed worker\'s job comes back',
      `Job ${job.id} starts on ${victim.lane}, which is killed with SIGKILL mid-job; after its ${LOCK_MS} ms lock expires, the stalled check puts the job back and the other worker runs it from the start.`,
      t0,
      end,
    );
    console.log();
    console.log(timeline(trace, 72));
    const written = writeTraces(new URL('../traces/', import.meta.url), { 'stalled-job': trace });
    if (written.length > 0) console.log(`Wrote ${written.join(', ')}`);
  } finally {
    await stopWorkers(workers);
    await events.close();
    await q.close();
    redis.disconnect();
    await redisServer.stop();
  }
});
