/** Concurrency vs parallelism: two jobs interleaved on one thread, then run on two threads at once — measured and drawn. */
// Run: pnpm lesson 2 demo one-lane   (or: npx tsx demos/01-one-lane-or-two.ts)
// Add --write-trace to save traces/one-lane.json and traces/two-lanes.json for the site.
import { availableParallelism } from 'node:os';
import { WorkerPool, type Span, type Trace } from '@interleave/toolkit';
import { epochMs, loadWarning, median, ms, table, timeline, writeTraces } from '@interleave/lesson-kit/demo';
import { countPrimes } from '../lib/count-primes.ts';

const LIMIT = 1_000_000; // each job counts the primes below this
const SLICE = 100_000; // the interleaved jobs yield after every slice of numbers
const REPS = 3;

type Way = { finishA: number; finishB: number; total: number; switches: number; spans: Span[] };

/** One job as a generator: counts a slice, yields, counts the next slice… returns the count. */
function* job(): Generator<void, number, undefined> {
  let count = 0;
  for (let start = 0; start < LIMIT; start += SLICE) {
    count += countPrimes(start, Math.min(start + SLICE, LIMIT));
    yield;
  }
  return count;
}

function sequential(): Way {
  const t0 = epochMs();
  const spans: Span[] = [];
  countPrimes(0, LIMIT);
  const a = epochMs() - t0;
  spans.push({ lane: 'job A', label: 'A', start: 0, end: a, state: 'running' });
  countPrimes(0, LIMIT);
  const b = epochMs() - t0;
  spans.push({ lane: 'job B', label: 'waits', start: 0, end: a, state: 'waiting' }, { lane: 'job B', label: 'B', start: a, end: b, state: 'running' });
  return { finishA: a, finishB: b, total: b, switches: 1, spans };
}

/** Round-robin over the two generators on this one thread; every slice becomes a span. */
function interleaved(): Way {
  const tasks = { 'job A': job(), 'job B': job() };
  const finish: Record<string, number> = {};
  const spans: Span[] = [];
  const ready = Object.keys(tasks) as Array<keyof typeof tasks>;
  const t0 = epochMs();
  let switches = 0;
  while (ready.length > 0) {
    const lane = ready.shift()!;
    const start = epochMs() - t0;
    const step = tasks[lane].next();
    const end = epochMs() - t0;
    spans.push({ lane, label: lane.slice(-1), start, end, state: 'running' });
    if (step.done) finish[lane] = end;
    else ready.push(lane);
    if (ready.length > 0 && ready[0] !== lane) switches++;
  }
  // Between its own slices each job was in progress but not running: it waited for the thread.
  for (const lane of ['job A', 'job B']) {
    const own = spans.filter((s) => s.lane === lane && s.state === 'running');
    for (let i = 1; i < own.length; i++) spans.push({ lane, label: 'waits', start: own[i - 1]!.end, end: own[i]!.start, state: 'waiting' });
  }
  return { finishA: finish['job A']!, finishB: finish['job B']!, total: Math.max(finish['job A']!, finish['job B']!), switches, spans };
}

async function twoThreads(pool: WorkerPool<{ start: number; end: number }, { count: number; start: number; end: number }>): Promise<Way> {
  const t0 = epochMs();
  const [a, b] = await Promise.all([pool.run({ start: 0, end: LIMIT }), pool.run({ start: 0, end: LIMIT })]);
  const total = epochMs() - t0;
  const spans: Span[] = [
    { lane: 'job A', label: 'A (worker)', start: a.start - t0, end: a.end - t0, state: 'running' },
    { lane: 'job B', label: 'B (worker)', start: b.start - t0, end: b.end - t0, state: 'running' },
  ];
  return { finishA: a.end - t0, finishB: b.end - t0, total, switches: 0, spans };
}

process.stdout.write(loadWarning());
console.log(`Two jobs, each counting the primes below ${LIMIT.toLocaleString('en')} (${availableParallelism()} cores, Node ${process.version}).`);
console.log(`${REPS} runs of each way, interleaved; medians.\n`);

await using pool = new WorkerPool<{ start: number; end: number }, { count: number; start: number; end: number }>({
  filename: new URL('../lib/primes.worker.ts', import.meta.url),
  size: 2,
});
await Promise.all([pool.run({ start: 0, end: 10 }), pool.run({ start: 0, end: 10 })]); // start both threads first

const ways: Record<string, Way[]> = { 'one thread, A then B': [], 'one thread, interleaved': [], 'two worker threads': [] };
for (let rep = 0; rep < REPS; rep++) {
  ways['one thread, A then B']!.push(sequential());
  ways['one thread, interleaved']!.push(interleaved());
  ways['two worker threads']!.push(await twoThreads(pool));
}

console.log(
  table(
    ['way', 'A done at', 'B done at', 'both done', 'switches between jobs'],
    Object.entries(ways).map(([way, runs]) => [
      way,
      ms(median(runs.map((r) => r.finishA))),
      ms(median(runs.map((r) => r.finishB))),
      ms(median(runs.map((r) => r.total))),
      String(runs[0]!.switches),
    ]),
  ),
);

const last = (name: string): Way => ways[name]!.at(-1)!;
const oneLane: Trace = {
  title: 'Concurrency: two jobs interleaved on one thread',
  description: `Jobs A and B each count the primes below ${LIMIT.toLocaleString('en')}, in slices of ${SLICE.toLocaleString('en')} numbers; a round-robin scheduler on the one thread runs a slice of A, then of B, and so on. Both jobs are in progress the whole time, but only one runs at any moment: the other waits.`,
  unit: 'ms',
  spans: last('one thread, interleaved').spans,
};
const twoLanes: Trace = {
  title: 'Parallelism: the same two jobs on two threads at once',
  description: `Each job runs whole in its own worker thread; on two cores both run at the same moments and finish about when one job alone would.`,
  unit: 'ms',
  spans: last('two worker threads').spans,
};
console.log(`\n${timeline(oneLane, 64)}\n`);
console.log(timeline(twoLanes, 64));
const written = writeTraces(new URL('../traces/', import.meta.url), { 'one-lane': oneLane, 'two-lanes': twoLanes });
if (written.length > 0) console.log(`\nWrote ${written.map((f) => `traces/${f}`).join(', ')}`);
