/** The same CPU-bound job serially, with Promise.all, on worker threads and in child processes: time, speedup, timeline. */
// Run: pnpm lesson 1 demo one-core. To rewrite traces/cpu-bound-*.json from a new run:
//   cd lessons/01-parallelism && npx tsx demos/01-one-core-or-many.ts --write-trace
import os from 'node:os';
import { epochMs, loadWarning, median, ms, table, timeline, times, writeTraces } from '@interleave/lesson-kit/demo';
import { Tracer, type Trace } from '@interleave/toolkit';
import { countPrimes } from '../lib/count-primes.ts';
import { runInProcesses, runOnThreads, type ParallelRun, type Range } from '../lib/parallel.ts';

const N = 3_000_000; // count the primes below N: over half a second of pure CPU on a 2020s core
const CHUNKS = 16; // small chunks handed out as helpers free up: the work balances itself
const REPS = 3;
const cores = os.availableParallelism();
const helpers = Math.max(2, cores);
const ranges: Range[] = Array.from({ length: CHUNKS }, (_, i) => ({ start: Math.floor((N * i) / CHUNKS), end: Math.floor((N * (i + 1)) / CHUNKS) }));

process.stdout.write(loadWarning(cores));
console.log(`Counting the primes below ${N.toLocaleString('en')} in ${CHUNKS} chunks — ${cores} usable core(s) (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}.`);
console.log(`Each way runs ${REPS} times, interleaved; the table shows medians.\n`);

function serial(): number {
  return countPrimes(0, N);
}

/** Main-thread chunk spans of the last Promise.all run, for its timeline. */
let mainSpans: Array<{ range: Range; began: number; ended: number }> = [];
let mainT0 = 0;

async function promiseAll(): Promise<number> {
  // Looks parallel, is not: every async function runs on this one thread, one after another.
  mainSpans = [];
  mainT0 = epochMs();
  const parts = await Promise.all(
    ranges.map(async (range) => {
      const began = epochMs();
      const value = countPrimes(range.start, range.end);
      mainSpans.push({ range, began, ended: epochMs() });
      return value;
    }),
  );
  return parts.reduce((a, b) => a + b, 0);
}

const results: Record<string, number[]> = { serial: [], promiseAll: [], threads: [], threadsWork: [], threadsStart: [], processes: [], processesWork: [], processesStart: [] };
let lastThreads: ParallelRun | undefined;
let lastProcesses: ParallelRun | undefined;
let expected = 0;

for (let rep = 0; rep < REPS; rep++) {
  let t = epochMs();
  expected = serial();
  results.serial!.push(epochMs() - t);

  t = epochMs();
  const viaAll = await promiseAll();
  results.promiseAll!.push(epochMs() - t);

  const th = await runOnThreads(helpers, ranges);
  results.threads!.push(th.done - th.t0);
  results.threadsStart!.push(th.ready - th.t0);
  results.threadsWork!.push(th.done - th.ready);
  lastThreads = th;

  const pr = await runInProcesses(helpers, ranges);
  results.processes!.push(pr.done - pr.t0);
  results.processesStart!.push(pr.ready - pr.t0);
  results.processesWork!.push(pr.done - pr.ready);
  lastProcesses = pr;

  if (viaAll !== expected || th.total !== expected || pr.total !== expected) throw new Error('the four ways disagree on the answer');
}

const base = median(results.serial!);
const row = (name: string, key: string, start?: string, work?: string): Array<string | number> => {
  const total = median(results[key]!);
  return [name, ms(total), start ? ms(median(results[start]!)) : '—', work ? ms(median(results[work]!)) : ms(total), times(base / total)];
};
console.log(
  table(
    ['way', 'total', 'start-up', 'work', 'speedup'],
    [
      row('serial, main thread', 'serial'),
      row('Promise.all, main thread', 'promiseAll'),
      row(`${helpers} worker threads`, 'threads', 'threadsStart', 'threadsWork'),
      row(`${helpers} child processes`, 'processes', 'processesStart', 'processesWork'),
    ],
  ),
);
console.log(`\nAll four found ${expected.toLocaleString('en')} primes. Best possible with ${cores} core(s): ${times(Math.min(helpers, cores))}.`);
console.log('Start-up = until every helper answered a ping; work = from then until the last chunk came back.\n');

/** One timeline: main thread for the Promise.all run is implied; the helpers' real chunk spans. */
function traceOf(run: ParallelRun, kind: string): Trace {
  const tracer = new Tracer({ clock: () => 0, title: `${N.toLocaleString('en')} numbers on ${helpers} ${kind}` });
  const rel = (t: number): number => Math.round((t - run.t0) * 10) / 10;
  for (const [lane, readyAt] of run.readyAt) tracer.record({ lane, label: 'start', start: 0, end: rel(readyAt), state: 'waiting' });
  for (const c of [...run.chunks].sort((a, b) => a.began - b.began)) {
    tracer.record({ lane: c.lane, label: `${Math.round(c.range.start / 1e5) / 10}M`, start: rel(c.began), end: rel(c.ended), state: 'running' });
  }
  return tracer.toJSON({
    title: `Counting primes below ${N.toLocaleString('en')} on ${helpers} ${kind}`,
    description: `Measured on a ${cores}-core machine: ${CHUNKS} chunks handed out as each of ${helpers} ${kind} became free. "start" (waiting) is the time to start the ${kind} and get a first answer; each running span is one chunk, labelled with its first number in millions.`,
  });
}

const mainTracer = new Tracer({ clock: () => 0 });
for (const c of mainSpans) {
  mainTracer.record({ lane: 'main thread', label: `${Math.round(c.range.start / 1e5) / 10}M`, start: Math.round((c.began - mainT0) * 10) / 10, end: Math.round((c.ended - mainT0) * 10) / 10, state: 'running' });
}
mainTracer.record({ lane: 'core 2', label: 'idle', start: 0, end: Math.round((mainSpans.at(-1)!.ended - mainT0) * 10) / 10, state: 'waiting' });
const mainTrace = mainTracer.toJSON({
  title: `Promise.all over ${CHUNKS} chunks on the main thread`,
  description: `Measured on a ${cores}-core machine: ${CHUNKS} async functions started together by Promise.all still run one after another on the one JavaScript thread; the second core has nothing to do. Each running span is one chunk, labelled with its first number in millions.`,
});
const threadTrace = traceOf(lastThreads!, 'worker threads');
const processTrace = traceOf(lastProcesses!, 'child processes');
console.log(timeline(mainTrace, 72));
console.log();
console.log(timeline(threadTrace, 72));
console.log();
console.log(timeline(processTrace, 72));

const traces = { 'cpu-bound-promise-all': mainTrace, 'cpu-bound-threads': threadTrace, 'cpu-bound-processes': processTrace };
if (writeTraces(new URL('../traces/', import.meta.url), traces).length > 0) {
  console.log('\nWrote traces/cpu-bound-promise-all.json, cpu-bound-threads.json and cpu-bound-processes.json');
}
