/** What a long callback does to timers: event-loop delay (monitorEventLoopDelay) while CPU work runs in one go, chunked, or "chunked" with microtasks. */
// Run: pnpm lesson 2 demo event-loop   (or: npx tsx demos/02-event-loop-delay.ts)
// Add --write-trace to save traces/loop-blocked.json and traces/loop-chunked.json.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import type { Span, Trace } from '@interleave/toolkit';
import { epochMs, loadWarning, median, ms, table, timeline, writeTraces } from '@interleave/lesson-kit/demo';
import { countPrimes } from '../lib/count-primes.ts';

const LIMIT = 600_000; // the work: count the primes below this
const CHUNK = 10_000; // numbers per chunk in the chunked ways
const REPS = 3;

type Mode = 'idle' | 'one go' | 'chunked, setImmediate' | 'chunked, await Promise.resolve()';
const MODES: Mode[] = ['idle', 'one go', 'chunked, setImmediate', 'chunked, await Promise.resolve()'];

interface Run {
  p50: number;
  p99: number;
  max: number;
  ticks: number;
  workMs: number;
  spans: Span[];
}

const sleep = (msToWait: number) => new Promise<void>((resolve) => setTimeout(resolve, msToWait));
const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

async function measure(mode: Mode): Promise<Run> {
  const spans: Span[] = [];
  // monitorEventLoopDelay samples with its own timer every `resolution` ms and records how
  // late each one fires; a 1 ms interval beside it is counted (and drawn) too.
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let ticks = 0;
  let working = false;
  const t0 = epochMs();
  const interval = setInterval(() => {
    if (working) ticks++;
    const at = epochMs() - t0;
    spans.push({ lane: '1 ms timer', label: 'tick', start: at, end: at + 0.3, state: 'running' });
  }, 1);
  histogram.enable();
  await sleep(20); // the sampler needs two firings before it records a delay
  working = true;
  const started = epochMs();
  const work = (from: number, to: number) => {
    const s = epochMs() - t0;
    countPrimes(from, to);
    spans.push({ lane: 'work', label: 'count', start: s, end: epochMs() - t0, state: 'running' });
  };
  if (mode === 'idle') {
    await sleep(150);
  } else if (mode === 'one go') {
    work(0, LIMIT);
  } else {
    for (let from = 0; from < LIMIT; from += CHUNK) {
      work(from, Math.min(from + CHUNK, LIMIT));
      if (mode === 'chunked, setImmediate') await nextMacrotask();
      else await Promise.resolve();
    }
  }
  const workMs = epochMs() - started;
  working = false;
  await sleep(20); // let the late timer fire and be recorded
  histogram.disable();
  clearInterval(interval);
  const msOf = (ns: number) => ns / 1e6;
  return { p50: msOf(histogram.percentile(50)), p99: msOf(histogram.percentile(99)), max: msOf(histogram.max), ticks, workMs, spans };
}

process.stdout.write(loadWarning());
console.log(`Counting the primes below ${LIMIT.toLocaleString('en')} while a 1 ms timer runs (${availableParallelism()} cores, Node ${process.version}).`);
console.log(`Delay = the time between two firings of monitorEventLoopDelay's 1 ms timer (1 ms is on time), over the work and 20 ms either side. ${REPS} runs of each way, interleaved; medians.\n`);

const runs = new Map<Mode, Run[]>(MODES.map((m) => [m, []]));
for (let rep = 0; rep < REPS; rep++) for (const mode of MODES) runs.get(mode)!.push(await measure(mode));

console.log(
  table(
    ['the work runs…', 'delay p50', 'delay p99', 'delay max', '1 ms ticks during the work', 'work took'],
    MODES.map((mode) => {
      const r = runs.get(mode)!;
      const med = (f: (x: Run) => number) => median(r.map(f));
      return [mode, ms(med((x) => x.p50)), ms(med((x) => x.p99)), ms(med((x) => x.max)), String(Math.round(med((x) => x.ticks))), mode === 'idle' ? '(150 ms sleep)' : ms(med((x) => x.workMs))];
    }),
  ),
);

/** The first `windowMs` of a run, as a trace. */
function window(run: Run, title: string, description: string, windowMs = 80): Trace {
  const spans = run.spans.filter((s) => s.start < windowMs).map((s) => ({ ...s, end: Math.min(s.end, windowMs) }));
  return { title, description, unit: 'ms', spans };
}
const blocked = window(
  runs.get('one go')!.at(-1)!,
  'One long callback: the 1 ms timer waits',
  'The prime count runs as one callback. The 1 ms timer cannot fire until it returns: the timer lane stays empty for the whole run.',
);
const chunked = window(
  runs.get('chunked, setImmediate')!.at(-1)!,
  'The same work in chunks: the timer fires in between',
  `The count runs in chunks of ${CHUNK.toLocaleString('en')} numbers with a setImmediate between them; the event loop runs the due 1 ms timer between chunks.`,
);
console.log(`\n${timeline(blocked, 64)}\n`);
console.log(timeline(chunked, 64));
const written = writeTraces(new URL('../traces/', import.meta.url), { 'loop-blocked': blocked, 'loop-chunked': chunked });
if (written.length > 0) console.log(`\nWrote ${written.map((f) => `traces/${f}`).join(', ')}`);
