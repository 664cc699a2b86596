/** 100 requests to a real local server (50 ms each): one by one, all at once, and bounded at 4/16/64 — then against a server that allows only 20 at once. */
// Run: pnpm lesson 4 demo hundred   (or: npx tsx demos/01-hundred-requests.ts)
// Add --write-trace to save traces/hundred-requests.json and traces/overload.json.
import os from 'node:os';
import { type PracticeServer, type RequestRecord, startPracticeServer } from '@interleave/practice-server';
import { createLimiter, type Span, type Trace } from '@interleave/toolkit';
import { loadWarning, median, ms, table, timeline, writeTraces } from '@interleave/lesson-kit/demo';

const REQUESTS = 100;
const LATENCY_MS = 50;
const REPETITIONS = 3;
const CAP = 20;

/** One GET; true when the answer was a 200 with its body read. */
async function get(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.text(); // read the body: the request is over only then
    return response.ok;
  } catch {
    return false; // a refused or dropped connection
  }
}

type Strategy = { readonly name: string; readonly run: (urls: readonly string[]) => Promise<boolean[]> };

async function sequential(urls: readonly string[]): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const url of urls) results.push(await get(url)); // each await is a full stop
  return results;
}

function allAtOnce(urls: readonly string[]): Promise<boolean[]> {
  return Promise.all(urls.map(get)); // every request starts now
}

function bounded(limit: number): Strategy {
  return {
    name: `bounded at ${limit}`,
    run: (urls) => {
      const limiter = createLimiter(limit); // the toolkit's limiter: at most `limit` running
      return Promise.all(urls.map((url) => limiter(get, url)));
    },
  };
}

const STRATEGIES: readonly Strategy[] = [
  { name: 'sequential', run: sequential },
  { name: 'all at once', run: allAtOnce },
  bounded(4),
  bounded(16),
  bounded(64),
];

interface Measured {
  readonly times: number[];
  readonly peaks: number[];
  readonly failures: number[];
}

async function measure(server: PracticeServer, strategies: readonly Strategy[], reps: number): Promise<Map<string, Measured>> {
  const urls = Array.from({ length: REQUESTS }, (_, i) => server.url(`/item/${i}`));
  const results = new Map<string, Measured>(strategies.map((s) => [s.name, { times: [], peaks: [], failures: [] }]));
  // Interleaved (A, B, C, A, B, C …) so a busy moment of the machine hits every strategy alike.
  for (let rep = 0; rep < reps; rep++) {
    for (const strategy of strategies) {
      server.resetStats();
      const start = performance.now();
      const ok = await strategy.run(urls);
      const elapsed = performance.now() - start;
      const m = results.get(strategy.name)!;
      m.times.push(elapsed);
      m.peaks.push(server.stats().peakInFlight); // as the server counted it
      m.failures.push(ok.filter((x) => !x).length);
    }
  }
  return results;
}

function report(results: Map<string, Measured>, floor: (name: string) => string): string {
  return table(
    ['strategy', 'median', 'min–max', 'peak in flight', 'failed', 'floor'],
    [...results].map(([name, m]) => [
      name,
      ms(median(m.times)),
      `${Math.round(Math.min(...m.times))}–${Math.round(Math.max(...m.times))}`,
      String(Math.max(...m.peaks)),
      m.failures.join(' '),
      floor(name),
    ]),
  );
}

/** Lanes from the server's own record: each request on the first lane free at its start. */
function toSpans(records: readonly RequestRecord[], prefix: string): Span[] {
  const t0 = Math.min(...records.map((r) => r.startedAt));
  const laneEnds: number[] = [];
  return [...records]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((r) => {
      const start = r.startedAt - t0;
      const end = (r.endedAt ?? r.startedAt) - t0;
      let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
      if (lane === -1) lane = laneEnds.push(end) - 1;
      else laneEnds[lane] = end;
      const label = r.status === 200 ? `#${r.seq}` : `${r.status ?? 'x'}`;
      return { lane: `${prefix} · ${String(lane + 1).padStart(2)}`, label, start: Math.round(start * 10) / 10, end: Math.round(end * 10) / 10, state: r.status === 200 ? 'waiting' : 'running' } satisfies Span;
    });
}

async function recordRun(server: PracticeServer, strategy: Strategy, n: number, prefix: string): Promise<Span[]> {
  server.resetStats();
  await strategy.run(Array.from({ length: n }, (_, i) => server.url(`/item/${i}`)));
  return toSpans(server.requests(), prefix);
}

process.stdout.write(loadWarning());
console.log(`Machine: ${os.availableParallelism()} cores, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}.`);
console.log(`${REQUESTS} GETs to a practice server on 127.0.0.1 that answers each after ${LATENCY_MS} ms; ${REPETITIONS} runs of each, interleaved.`);
console.log('Times in ms; "failed" lists each run; "floor" is the waits alone: 50 ms per wave of requests.\n');

{
  await using server = await startPracticeServer({ latency: LATENCY_MS });
  const results = await measure(server, STRATEGIES, REPETITIONS);
  console.log(
    report(results, (name) => {
      if (name === 'sequential') return `${REQUESTS * LATENCY_MS} ms`;
      if (name === 'all at once') return `${LATENCY_MS} ms`;
      const limit = Number(name.split(' ').at(-1));
      return `${Math.ceil(REQUESTS / limit) * LATENCY_MS} ms`;
    }),
  );
}

console.log(`\nThe same ${REQUESTS} requests against a server that allows only ${CAP} at once (above that it answers 503 at once):\n`);
{
  await using server = await startPracticeServer({ latency: LATENCY_MS, maxConcurrent: CAP });
  const results = await measure(server, STRATEGIES.slice(1), REPETITIONS);
  console.log(report(results, (name) => (name === 'bounded at 64' || name === 'all at once' ? 'over the cap' : 'under the cap')));
}

// Two small runs drawn to scale, from the server's own record of each request.
const small = 8;
let shape: Trace;
let overload: Trace;
{
  await using server = await startPracticeServer({ latency: LATENCY_MS });
  const spans = [
    ...(await recordRun(server, STRATEGIES[0]!, small, 'sequential')),
    ...(await recordRun(server, bounded(2), small, 'limit 2')),
    ...(await recordRun(server, STRATEGIES[1]!, small, 'all at once')),
  ];
  shape = {
    title: `${small} requests of ${LATENCY_MS} ms: one by one, two at a time, all at once`,
    description: `Measured on this machine: each bar is one request from the moment the server received it to the moment it answered. One by one they take about ${small * LATENCY_MS} ms; two at a time about ${(small / 2) * LATENCY_MS} ms; all at once about ${LATENCY_MS} ms — on one thread.`,
    unit: 'ms',
    spans,
  };
}
{
  const cap = 4;
  await using server = await startPracticeServer({ latency: LATENCY_MS, maxConcurrent: cap });
  const spans = [...(await recordRun(server, STRATEGIES[1]!, 12, 'all at once')), ...(await recordRun(server, bounded(cap), 12, `limit ${cap}`))];
  overload = {
    title: `12 requests to a server that allows ${cap} at once`,
    description: `Measured on this machine. All at once, ${cap} requests are served and the other 8 are refused with 503 at once (the short marks). Bounded at ${cap}, all 12 succeed in three waves of ${LATENCY_MS} ms.`,
    unit: 'ms',
    spans,
  };
}
console.log('\nTo scale, from the server\'s record: each bar is one request, from arrival to answer; the short █ marks are 503 refusals.\n');
console.log(timeline(shape, 64));
console.log('');
console.log(timeline(overload, 64));

const written = writeTraces(new URL('../traces/', import.meta.url), { 'hundred-requests': shape, overload });
if (written.length > 0) console.log(`\nWrote ${written.join(', ')}`);
