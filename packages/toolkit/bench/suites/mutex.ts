/**
 * Mutex and Semaphore against async-mutex, with deep wait queues: the lock (or every
 * permit) is held while `waiters` acquirers queue up, then released; each waiter releases
 * as soon as it gets its turn, so the figure — operations per second, one operation being
 * an acquire that waited plus its release — measures queueing and FIFO hand-off. Depths
 * 1e3, 1e4, 1e5; each sample repeats the round until about 1e5 operations were timed.
 * Timed in CPU time (process.cpuUsage): single-threaded work that never waits, so it
 * equals wall time on a quiet machine and stays meaningful on a busy one.
 * A derived case compares the cost per operation at 1e5 with the cost at 1e3 (an O(1)
 * queue keeps it flat; an O(n) one does not).
 */
import { existsSync } from 'node:fs';
import { contender, cpuMs, defineSuite, opsPerSecond } from '../lib.ts';
import type { BenchCase, CaseResult, MeasureContext } from '../lib.ts';

interface Params {
  readonly waiters: number;
  readonly permits: number;
}

function roundsFor(waiters: number, quick: boolean): number {
  return Math.max(1, Math.round((quick ? 2e3 : 1e5) / waiters));
}

/**
 * The workload, library-neutral: `acquire` resolves to a handle that `release` gives back.
 * Per operation it adds only the one `.then` a caller needs; no closure, no adapter
 * promise, so the figure is the library's cost.
 */
async function drive<H>(acquire: () => Promise<H>, release: (handle: H) => void, params: Params, quick: boolean): Promise<number> {
  const rounds = roundsFor(params.waiters, quick);
  let ops = 0;
  const start = cpuMs();
  for (let r = 0; r < rounds; r++) {
    const held: H[] = [];
    for (let k = 0; k < params.permits; k++) held.push(await acquire());
    let left = params.waiters;
    let wake!: () => void;
    const drained = new Promise<void>((resolve) => (wake = resolve));
    const onTurn = (handle: H): void => {
      release(handle);
      if (--left === 0) wake();
    };
    for (let i = 0; i < params.waiters; i++) void acquire().then(onTurn);
    for (const handle of held) release(handle);
    await drained;
    ops += params.waiters;
  }
  return opsPerSecond(ops, cpuMs() - start);
}

const releasePermit = (permit: { release(): void }): void => permit.release();
const callRelease = (release: () => void): void => release();
const callSemaphoreRelease = ([, release]: [number, () => void]): void => release();

export async function measureOurMutex(params: Params, { quick }: MeasureContext): Promise<number> {
  const { Mutex } = await import('../../src/coordination/mutex.ts');
  const mutex = new Mutex();
  return drive(() => mutex.lock(), releasePermit, params, quick);
}

export async function measureAsyncMutexMutex(params: Params, { quick }: MeasureContext): Promise<number> {
  const { Mutex } = await import('async-mutex');
  const mutex = new Mutex();
  return drive(() => mutex.acquire(), callRelease, params, quick);
}

export async function measureOurSemaphore(params: Params, { quick }: MeasureContext): Promise<number> {
  const { Semaphore } = await import('../../src/coordination/semaphore.ts');
  const semaphore = new Semaphore(params.permits);
  return drive(() => semaphore.acquire(), releasePermit, params, quick);
}

export async function measureAsyncMutexSemaphore(params: Params, { quick }: MeasureContext): Promise<number> {
  const { Semaphore } = await import('async-mutex');
  const semaphore = new Semaphore(params.permits);
  return drive(() => semaphore.acquire(), callSemaphoreRelease, params, quick);
}

/**
 * The floor: no library at all, only what any lock that returns a promise per waiter must
 * allocate — the promise, its resolving functions, a slot in a FIFO array. Its cost per
 * operation at 1e5 ÷ at 1e3 is what V8's garbage collector alone makes of a deep queue.
 */
export async function measureBarePromises(params: Params, { quick }: MeasureContext): Promise<number> {
  const waiting: (((handle: number) => void) | undefined)[] = [];
  let head = 0;
  let free = params.permits;
  const acquire = (): Promise<number> => {
    if (free > 0) {
      free--;
      return Promise.resolve(0);
    }
    return new Promise<number>((resolve) => void waiting.push(resolve));
  };
  const release = (): void => {
    if (head === waiting.length) {
      free++;
      return;
    }
    const next = waiting[head]!;
    waiting[head++] = undefined;
    if (head === waiting.length) waiting.length = head = 0;
    next(0);
  };
  return drive(acquire, release, params, quick);
}

const PEER = 'async-mutex 0.5.0';
const FLOOR = 'no library (bare promises)';
const DEFAULT_HEAP = 'ours, default heap';
const BIG_YOUNG_MB = 256;

function depthName(n: number): string {
  return `1e${Math.round(Math.log10(n))}`;
}

export const suite = defineSuite({
  name: 'mutex',
  // async-mutex needs seconds per 1e5-deep round (its cost grows with depth): one warm-up
  // round and one sample per process keep the suite within a few minutes. A 1e5-deep round
  // is one sample whose cost depends on when the collector runs, so the median is over 9
  // processes, not 5 (with 5, the deep-queue ratio moved from 2.6 to 3.7 between two runs).
  options: { warmup: 1, samples: 1, repetitions: 9 },
  title: 'Mutex and Semaphore vs async-mutex: FIFO hand-off through deep wait queues',
  cases: ({ quick }) => {
    const ours = new URL('../../src/coordination/mutex.ts', import.meta.url);
    if (!existsSync(ours)) {
      console.error('bench mutex: src/mutex.ts does not exist yet — skipping the suite');
      return [];
    }
    const depths = quick ? [10, 100, 1000] : [1e3, 1e4, 1e5];
    const cases: BenchCase[] = [];
    for (const [kind, permits, mine, theirs] of [
      ['Mutex', 1, 'measureOurMutex', 'measureAsyncMutexMutex'],
      ['Semaphore(4)', 4, 'measureOurSemaphore', 'measureAsyncMutexSemaphore'],
    ] as const) {
      for (const waiters of depths) {
        const params = { waiters, permits };
        cases.push({
          name: `${kind}, ${depthName(waiters)} waiters`,
          unit: 'ops/s',
          higherIsBetter: true,
          ours: contender(import.meta.url, mine, params),
          peers: { [PEER]: contender(import.meta.url, theirs, params), [FLOOR]: contender(import.meta.url, 'measureBarePromises', params) },
          note: `${waiters.toLocaleString('en-US')} acquirers queued behind a held ${kind === 'Mutex' ? 'lock' : 'set of 4 permits'}, ×${roundsFor(waiters, quick)} rounds per sample; per second of CPU time`,
        });
      }
    }
    // The same deepest queue with a young generation big enough to hold every waiter:
    // if the cost per operation then matches the shallow queue, the growth at default
    // flags is V8's generational GC promoting long-lived waiters, not the queue.
    const deepest = depths.at(-1)!;
    for (const [kind, permits, mine] of [
      ['Mutex', 1, 'measureOurMutex'],
      ['Semaphore(4)', 4, 'measureOurSemaphore'],
    ] as const) {
      const params = { waiters: deepest, permits };
      cases.push({
        name: `${kind}, ${depthName(deepest)} waiters, ${BIG_YOUNG_MB} MB young generation`,
        unit: 'ops/s',
        higherIsBetter: true,
        ours: contender(import.meta.url, mine, params, [`--max-semi-space-size=${BIG_YOUNG_MB}`, `--min-semi-space-size=${BIG_YOUNG_MB}`]),
        peers: { [DEFAULT_HEAP]: contender(import.meta.url, mine, params) },
        note: 'ours against ours: only the size of the young generation differs',
      });
    }
    return cases;
  },
  // Cost per operation at the deepest queue ÷ at the shallowest: 1.0 means flat.
  derive: (cases) => {
    const out: CaseResult[] = [];
    for (const kind of ['Mutex', 'Semaphore(4)']) {
      const mine = cases.filter((c) => c.name.startsWith(`${kind},`) && c.peers[PEER] !== undefined);
      const shallow = mine[0];
      const deep = mine.at(-1);
      if (shallow === undefined || deep === undefined || shallow === deep) continue;
      const depth = (c: CaseResult) => c.name.split(', ')[1]!.split(' ')[0]!;
      const ours = shallow.ours / deep.ours;
      const theirs = shallow.peers[PEER]! / deep.peers[PEER]!;
      const floor = shallow.peers[FLOOR] !== undefined && deep.peers[FLOOR] !== undefined ? shallow.peers[FLOOR] / deep.peers[FLOOR] : undefined;
      out.push({
        name: `${kind}: cost per op at ${depth(deep)} ÷ at ${depth(shallow)}`,
        unit: 'x',
        higherIsBetter: false,
        ours,
        peers: floor === undefined ? { [PEER]: theirs } : { [PEER]: theirs, [FLOOR]: floor },
        ratios: floor === undefined ? { [PEER]: ours / theirs } : { [PEER]: ours / theirs, [FLOOR]: ours / floor },
        ...(floor === undefined ? {} : { limit: Number(floor.toFixed(2)) }),
        note: 'target: ours ≤ 1.3; default Node flags. limit: the same ratio with no library (bare promises in an array), the growth V8 alone imposes',
      });
      const big = cases.find((c) => c.name.startsWith(`${kind},`) && c.name.endsWith('young generation'));
      if (big !== undefined) {
        out.push({
          name: `${kind}: cost per op at ${depth(deep)} ÷ at ${depth(shallow)}, ${BIG_YOUNG_MB} MB young generation`,
          unit: 'x',
          higherIsBetter: false,
          ours: shallow.ours / big.ours,
          peers: { [DEFAULT_HEAP]: ours },
          ratios: { [DEFAULT_HEAP]: shallow.ours / big.ours / ours },
          note: `the deep queue measured with --max-semi-space-size=${BIG_YOUNG_MB} (so its waiters die young, as the shallow queue's do), against the default-heap figure`,
        });
      }
    }
    return out;
  },
});
