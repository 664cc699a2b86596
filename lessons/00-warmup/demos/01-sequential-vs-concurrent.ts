/** Three waits awaited one after another vs started together with Promise.all: measured, as a table and a timeline. */
// Run: pnpm lesson 0 demo sequential   (or: npx tsx demos/01-sequential-vs-concurrent.ts)
// Add --write-trace to save the last run of each as traces/sequential-vs-concurrent.json.
import { median, timeline, writeTraces } from '@interleave/lesson-kit/demo';
import type { Span, Trace } from '@interleave/toolkit';

// Three pretend requests. Each is pure waiting (a timer), like a network call: the CPU
// has nothing to do until the answer arrives.
const OPERATIONS = [
  { name: 'getUser', ms: 300 },
  { name: 'getPosts', ms: 200 },
  { name: 'getWeather', ms: 100 },
] as const;
const REPETITIONS = 5;

type Recorder = (name: string, start: number, end: number) => void;

function request(name: string, ms: number, origin: number, record: Recorder): Promise<string> {
  const start = performance.now() - origin;
  return new Promise((resolve) =>
    setTimeout(() => {
      record(name, start, performance.now() - origin);
      resolve(`${name} done`);
    }, ms),
  );
}

async function sequential(origin: number, record: Recorder): Promise<string[]> {
  const results: string[] = [];
  // Each `await` is a full stop: the next request is not even sent until this one answers.
  for (const op of OPERATIONS) results.push(await request(op.name, op.ms, origin, record));
  return results;
}

function concurrent(origin: number, record: Recorder): Promise<string[]> {
  // All three are sent first; then one wait covers them all.
  return Promise.all(OPERATIONS.map((op) => request(op.name, op.ms, origin, record)));
}

const STRATEGIES = [
  { label: 'sequential awaits', short: 'sequential', run: sequential },
  { label: 'Promise.all', short: 'Promise.all', run: concurrent },
] as const;

const round1 = (n: number): number => Math.round(n * 10) / 10;

const times = new Map<string, number[]>(STRATEGIES.map((s) => [s.label, []]));
const lastSpans = new Map<string, Span[]>();

// Interleaved (A, B, A, B, …) so that whatever else the machine is doing hits both alike.
for (let rep = 0; rep < REPETITIONS; rep++) {
  for (const strategy of STRATEGIES) {
    const spans: Span[] = [];
    const origin = performance.now();
    await strategy.run(origin, (name, start, end) =>
      spans.push({ lane: `${strategy.short} · ${name}`, label: `wait ${OPERATIONS.find((op) => op.name === name)!.ms} ms`, start: round1(start), end: round1(end), state: 'waiting' }),
    );
    times.get(strategy.label)!.push(performance.now() - origin);
    lastSpans.set(strategy.short, spans);
  }
}

const sumOfWaits = OPERATIONS.reduce((sum, op) => sum + op.ms, 0);
const longestWait = Math.max(...OPERATIONS.map((op) => op.ms));
console.log(`Three waits of ${OPERATIONS.map((op) => `${op.ms} ms`).join(', ')} — ${REPETITIONS} runs each, interleaved.\n`);
console.log(`${'strategy'.padEnd(20)}${'median'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}   ideal`);
for (const strategy of STRATEGIES) {
  const t = times.get(strategy.label)!;
  const ideal = strategy.short === 'sequential' ? `${sumOfWaits} ms (the sum)` : `${longestWait} ms (the longest)`;
  console.log(
    `${strategy.label.padEnd(20)}${`${median(t).toFixed(1)} ms`.padStart(10)}${`${Math.min(...t).toFixed(1)} ms`.padStart(10)}${`${Math.max(...t).toFixed(1)} ms`.padStart(10)}   ${ideal}`,
  );
}
const speedup = median(times.get('sequential awaits')!) / median(times.get('Promise.all')!);
console.log(`\nPromise.all finished ${speedup.toFixed(2)}× sooner, on one thread: nothing ran in parallel, the waits overlapped.\n`);

// Both runs on one time axis, each from its own start: the same three waits, stacked
// end to end above, overlapping below.
const order = (span: Span): number => OPERATIONS.findIndex((op) => span.lane.endsWith(op.name));
const trace: Trace = {
  title: 'Three waits: sequential awaits vs Promise.all',
  description:
    `Measured on this machine (last of ${REPETITIONS} runs). Awaited one after another, the waits of ` +
    `${OPERATIONS.map((op) => `${op.ms}`).join(', ')} ms follow each other and take about ${sumOfWaits} ms; ` +
    `started together with Promise.all they overlap and take about ${longestWait} ms.`,
  unit: 'ms',
  spans: [...STRATEGIES.flatMap((s) => [...lastSpans.get(s.short)!].sort((a, b) => order(a) - order(b)))],
};
console.log(timeline(trace, 60));

const traces = new URL('../traces/', import.meta.url);
if (writeTraces(traces, { 'sequential-vs-concurrent': trace }).length > 0) {
  console.log(`wrote ${new URL('sequential-vs-concurrent.json', traces).pathname}`);
}
