/**
 * One pipeline, four ways: fetch pages from the practice server (I/O) and digest each one
 * (CPU), for an I/O-heavy, a balanced and a CPU-heavy mix — then the crossover: how the
 * total time of each way moves as the CPU cost per page grows.
 *
 * Run: pnpm lesson 6 demo four-ways   (add --write-trace to save the timelines in traces/)
 *      pnpm exec tsx demos/01-four-ways.ts --runs 3   (from lessons/06-choosing: medians of 3 runs, slower)
 */
import os from 'node:os';
import { startPracticeServer } from '@interleave/practice-server';
import { loadWarning, median, ms, table, timeline, writeTraces } from '@interleave/lesson-kit/demo';
import type { Trace } from '@interleave/toolkit';
import { plot } from '../lib/chart.ts';
import { WAYS, measure, roundsFor, startPools, type Measured, type Way } from '../lib/ways.ts';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag === -1 ? 1 : Number(process.argv[runsFlag + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new RangeError(`--runs must be an integer >= 1, got ${process.argv[runsFlag + 1]}`);

const PAGES = 12;
const FETCH_CONCURRENCY = 8;
const CAPACITY = 4;
const POOL = 2;
const MIXES = [
  { name: 'I/O-heavy', latencyMs: 50, cpuMs: 1 },
  { name: 'balanced', latencyMs: 25, cpuMs: 8 },
  { name: 'CPU-heavy', latencyMs: 2, cpuMs: 20 },
] as const;
const CROSSOVER = { latencyMs: 20, pages: 10, cpuMs: [0, 2, 5, 10, 20] };
/**
 * What each way would take on an idle machine with a free core per thread (ms): the model
 * the lesson builds — the slowest stage sets the pace (N pages, L latency, C CPU per page,
 * F fetches in flight, P worker threads).
 */
function ideal(way: Way, n: number, l: number, c: number): number {
  const f = FETCH_CONCURRENCY;
  switch (way) {
    case 'sequential':
      return n * (l + c);
    case 'async only': // the fetches overlap; the digests take turns on the main thread
      return Math.max(n * c + l, Math.ceil(n / f) * l + c);
    case 'worker pool only': // P threads, each fetching then digesting one page at a time
      return Math.ceil(n / POOL) * (l + c);
    case 'async + pool': // both stages at once; the slower one sets the pace
      return Math.max(Math.ceil(n / POOL) * c + l, Math.ceil(n / f) * l + c);
  }
}

const MARKS: Record<Way, string> = { sequential: 'S', 'async only': 'A', 'worker pool only': 'P', 'async + pool': 'C' };

const cores = os.availableParallelism();
process.stdout.write(loadWarning(cores));
console.log(`Node ${process.version}, ${cores} core(s), 1-minute load average ${os.loadavg()[0]!.toFixed(1)}.`);
console.log(
  `${PAGES} pages; async ways keep ${FETCH_CONCURRENCY} fetches in flight; pools have ${POOL} worker threads (started before timing); ` +
    `the hand-off holds ${CAPACITY} pages. ${RUNS === 1 ? 'One run of each way' : `Median of ${RUNS} interleaved runs`}.\n`,
);

await using server = await startPracticeServer();
const pools = await startPools(POOL, server.origin);
try {
  const perMs = roundsFor(1);
  const paths = (n: number): string[] => Array.from({ length: n }, (_, i) => `/page/${i}`);
  const setup = (rounds: number, n: number) => ({ origin: server.origin, paths: paths(n), rounds, fetchConcurrency: FETCH_CONCURRENCY, capacity: CAPACITY, ...pools });

  // ---- the three mixes ------------------------------------------------------------
  const rows: (string | number)[][] = [];
  const traces: Record<string, Trace> = {};
  for (const mix of MIXES) {
    server.configure({ latency: mix.latencyMs });
    const runs = new Map<Way, Measured[]>(WAYS.map((w) => [w, []]));
    for (let r = 0; r < RUNS; r++) {
      for (const way of WAYS) runs.get(way)!.push(await measure(way, setup(Math.round(perMs * mix.cpuMs), PAGES), `${mix.name} mix`));
    }
    const best = Math.min(...WAYS.map((w) => median(runs.get(w)!.map((m) => m.wallMs))));
    for (const way of WAYS) {
      const ms_ = runs.get(way)!;
      const wall = median(ms_.map((m) => m.wallMs));
      const cpu = median(ms_.map((m) => m.cpuMs));
      rows.push([
        `${mix.name} (${mix.latencyMs} ms + ${mix.cpuMs} ms)`,
        way,
        ms(ideal(way, PAGES, mix.latencyMs, mix.cpuMs)),
        ms(wall),
        ms(cpu),
        (cpu / wall).toFixed(2),
        `${Math.round(median(ms_.map((m) => m.mainBusy)) * 100)}%`,
        wall === best ? '← best' : '',
      ]);
      if (mix.name === 'balanced') traces[`balanced-${way.replaceAll(' + ', '-and-').replaceAll(' ', '-')}`] = ms_[ms_.length - 1]!.trace;
    }
  }
  console.log('Each mix: latency per request + CPU time per page (calibrated with process.cpuUsage on this thread).');
  console.log("'ideal' is the model's time on an idle machine with a free core per thread.\n");
  console.log(table(['mix', 'way', 'ideal', 'wall', 'CPU (all threads)', 'CPU/wall', 'main loop busy', ''], rows));

  console.log('\nThe balanced mix, one run of each way (░ waiting for the network, █ computing):\n');
  for (const trace of Object.values(traces)) {
    console.log(timeline(trace, 72));
    console.log();
  }

  // ---- the crossover ---------------------------------------------------------------
  server.configure({ latency: CROSSOVER.latencyMs });
  const points = new Map<Way, [number, number][]>(WAYS.map((w) => [w, []]));
  const crossRows: (string | number)[][] = [];
  for (const cpuMs of CROSSOVER.cpuMs) {
    const row: (string | number)[] = [`${cpuMs} ms`];
    const walls = new Map<Way, number[]>(WAYS.map((w) => [w, []]));
    for (let r = 0; r < RUNS; r++) {
      for (const way of WAYS) walls.get(way)!.push((await measure(way, setup(Math.round(perMs * cpuMs), CROSSOVER.pages), 'crossover')).wallMs);
    }
    for (const way of WAYS) {
      const wall = median(walls.get(way)!);
      points.get(way)!.push([cpuMs, wall]);
      row.push(ms(wall));
    }
    crossRows.push(row);
  }
  console.log(`\nThe crossover: ${CROSSOVER.pages} pages at ${CROSSOVER.latencyMs} ms latency, total time as the CPU cost per page grows (${RUNS === 1 ? 'one run each' : `median of ${RUNS}`}).\n`);
  console.log(table(['CPU per page', ...WAYS], crossRows));
  console.log();
  console.log(
    plot(
      WAYS.map((way) => ({ name: way, mark: MARKS[way], points: points.get(way)! })),
      { xLabel: 'CPU cost per page (ms)', yLabel: 'total time (ms)' },
    ),
  );

  const written = writeTraces(new URL('../traces/', import.meta.url), traces);
  if (written.length > 0) console.log(`\nWrote ${written.join(', ')}`);
} finally {
  await pools.digestPool.close();
  await pools.fetchDigestPool.close();
}
