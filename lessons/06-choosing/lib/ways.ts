/**
 * The lesson's one pipeline — fetch a page (I/O), digest it (CPU) — written four ways,
 * each recording a timeline and measured the same way: wall time, CPU time of the whole
 * process (every thread), and how busy the main thread's event loop was.
 */
import { Queue, WorkerPool, type Span, type Trace } from '@interleave/toolkit';
import { epochMs } from '@interleave/lesson-kit/demo';
import type { DigestTask } from './digest.worker.ts';
import type { FetchDigestResult, FetchDigestTask } from './fetch-digest.worker.ts';
import { digestPage, type Digest } from './work.ts';

export const WAYS = ['sequential', 'async only', 'worker pool only', 'async + pool'] as const;
export type Way = (typeof WAYS)[number];

export interface Setup {
  /** The practice server's origin. */
  origin: string;
  paths: readonly string[];
  /** CPU cost per page, in hash rounds. */
  rounds: number;
  /** Fetches in flight at once (async ways). */
  fetchConcurrency: number;
  /** Pages waiting between the stages (async + pool). */
  capacity: number;
  /** Digest-only pool (async + pool) and fetch-and-digest pool (pool only), both started and warm. */
  digestPool: WorkerPool<DigestTask, Digest>;
  fetchDigestPool: WorkerPool<FetchDigestTask, FetchDigestResult>;
}

export interface Measured {
  way: Way;
  wallMs: number;
  /** CPU time of the process (all threads) during the run. */
  cpuMs: number;
  /** Share of the wall time the main thread's event loop was busy (0..1). */
  mainBusy: number;
  trace: Trace;
}

/** Spans on a clock comparable across threads, relative to the run's start. */
class Timeline {
  readonly spans: Span[] = [];
  readonly #origin = epochMs();
  at(epoch: number): number {
    return Math.round((epoch - this.#origin) * 100) / 100;
  }
  add(lane: string, label: string, start: number, end: number, state: Span['state']): void {
    this.spans.push({ lane, label, start: this.at(start), end: Math.max(this.at(start), this.at(end)), state });
  }
}

async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} from ${url}`);
  return response.text();
}

async function sequential(s: Setup, t: Timeline): Promise<void> {
  for (const path of s.paths) {
    const t0 = epochMs();
    const body = await getText(s.origin + path);
    const t1 = epochMs();
    digestPage({ path, body }, s.rounds);
    t.add('main', 'fetch', t0, t1, 'waiting');
    t.add('main', 'digest', t1, epochMs(), 'running');
  }
}

async function asyncOnly(s: Setup, t: Timeline): Promise<void> {
  let next = 0;
  const fetcher = async (k: number): Promise<void> => {
    while (next < s.paths.length) {
      const path = s.paths[next++]!;
      const t0 = epochMs();
      const body = await getText(s.origin + path);
      const t1 = epochMs();
      t.add(`fetch ${k + 1}`, 'fetch', t0, t1, 'waiting');
      digestPage({ path, body }, s.rounds); // on the main thread: nothing else runs meanwhile
      t.add('main', 'digest', t1, epochMs(), 'running');
    }
  };
  await Promise.all(Array.from({ length: s.fetchConcurrency }, (_, k) => fetcher(k)));
}

async function poolOnly(s: Setup, t: Timeline): Promise<void> {
  const lanes = new Map<number, string>();
  await Promise.all(
    s.paths.map(async (path) => {
      const r = await s.fetchDigestPool.run({ url: s.origin + path, path, rounds: s.rounds });
      if (!lanes.has(r.threadId)) lanes.set(r.threadId, `worker ${lanes.size + 1}`);
      const lane = lanes.get(r.threadId)!;
      t.add(lane, 'fetch', r.fetchStart, r.fetchEnd, 'waiting');
      t.add(lane, 'digest', r.fetchEnd, r.end, 'running');
    }),
  );
}

async function asyncAndPool(s: Setup, t: Timeline): Promise<void> {
  const queue = new Queue<{ path: string; body: string }>({ maxSize: s.capacity });
  let next = 0;
  const fetcher = async (k: number): Promise<void> => {
    while (next < s.paths.length) {
      const path = s.paths[next++]!;
      const t0 = epochMs();
      const body = await getText(s.origin + path);
      t.add(`fetch ${k + 1}`, 'fetch', t0, epochMs(), 'waiting');
      await queue.put({ path, body }); // backpressure: waits while `capacity` pages wait
    }
  };
  const computer = async (k: number): Promise<void> => {
    for (;;) {
      let page: { path: string; body: string };
      try {
        page = await queue.get();
      } catch {
        return; // shut down and empty
      }
      const t0 = epochMs();
      await s.digestPool.run({ page, rounds: s.rounds });
      t.add(`worker ${k + 1}`, 'digest', t0, epochMs(), 'running');
    }
  };
  const computers = Array.from({ length: s.digestPool.size }, (_, k) => computer(k));
  await Promise.all(Array.from({ length: s.fetchConcurrency }, (_, k) => fetcher(k)));
  queue.shutdown();
  await Promise.all(computers);
}

const RUN: Record<Way, (s: Setup, t: Timeline) => Promise<void>> = {
  sequential,
  'async only': asyncOnly,
  'worker pool only': poolOnly,
  'async + pool': asyncAndPool,
};

/** Runs one way once and measures it. */
export async function measure(way: Way, setup: Setup, title: string): Promise<Measured> {
  const timeline = new Timeline();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await RUN[way](setup, timeline);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const mainBusy = performance.eventLoopUtilization(elu).utilization;
  const cpuMs = (used.user + used.system) / 1000;
  const trace: Trace = {
    title: `${title}: ${way}`,
    description: `${setup.paths.length} pages, ${way}: ${Math.round(wallMs)} ms wall, ${Math.round(cpuMs)} ms CPU. Waiting spans are fetches; running spans are digests.`,
    unit: 'ms',
    spans: timeline.spans.sort((a, b) => a.lane.localeCompare(b.lane, 'en', { numeric: true }) || a.start - b.start),
  };
  return { way, wallMs, cpuMs, mainBusy, trace };
}

/** Starts both pools and runs one tiny task per worker, so thread start-up is not measured. */
export async function startPools(size: number, origin: string): Promise<Pick<Setup, 'digestPool' | 'fetchDigestPool'>> {
  const digestPool = new WorkerPool<DigestTask, Digest>({ filename: new URL('./digest.worker.ts', import.meta.url), size });
  const fetchDigestPool = new WorkerPool<FetchDigestTask, FetchDigestResult>({ filename: new URL('./fetch-digest.worker.ts', import.meta.url), size });
  await Promise.all(Array.from({ length: size }, () => digestPool.run({ page: { path: '/warm', body: '{}' }, rounds: 1 })));
  await Promise.all(Array.from({ length: size }, () => fetchDigestPool.run({ url: `${origin}/warm`, path: '/warm', rounds: 1 })));
  return { digestPool, fetchDigestPool };
}

/**
 * Hash rounds that use about `ms` of CPU time (median of 5 timings of `process.cpuUsage`,
 * not of the wall clock: on a busy machine a thread waits for a core, and that waiting is
 * not work).
 */
export function roundsFor(ms: number): number {
  const probe = 4000;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = process.cpuUsage();
    digestPage({ path: '/calibrate', body: '{}' }, probe);
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.max(0, Math.round((probe / Math.max(times[2]!, 0.001)) * ms));
}
