/**
 * EventLoop against Node's own scheduling, CPython's asyncio and uvloop, and a floor.
 *
 * Workloads, the same for every contender (figures in callbacks per second of CPU time,
 * `process.cpuUsage` in Node and `time.process_time` in Python, so neither the machine's
 * load nor a timer's wait counts):
 * - **batched**: schedule n callbacks, then let the loop run them all;
 * - **chained**: each callback schedules the next, n in a row (one loop iteration each);
 * - **timers**: set n timers with 100 distinct delays (0–99 ms), cancel every other one,
 *   let the rest fire.
 * Peers: `setImmediate` and `queueMicrotask` (batched, chained) or `setTimeout`/`clearTimeout`
 * (timers); asyncio's `call_soon`/`call_later` on `python3`; the same on uvloop when some
 * python3 has it (Debian's `python3-uvloop` installs it for /usr/bin/python3; PyPI is not
 * reachable here) — skipped with a message otherwise; and the floor, a bare array of
 * closures run in a loop, which does no scheduling at all.
 * A second part runs 1e4, 1e5 and 1e6 timers (half cancelled, the rest fired) under the
 * virtual clock: cost per timer should stay flat, and the heap should come back near where
 * it started once the run is over.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { contender, cpuMs, defineSuite, opsPerSecond } from '../lib.ts';
import type { BenchCase, CaseResult, MeasureContext } from '../lib.ts';

type Workload = 'batched' | 'chained' | 'timers';

interface Params {
  readonly workload: Workload;
  readonly n: number;
}

const DELAYS = 100;

/** Ours: `callSoon` / `callLater` on an EventLoop (virtual clock unless `real`). */
export async function measureOurs(params: Params & { readonly clock?: 'virtual' | 'real' }): Promise<number> {
  const { EventLoop } = await import('../../src/event-loop/event-loop.ts');
  const loop = new EventLoop({ clock: params.clock ?? 'virtual' });
  const n = params.n;
  let count = 0;
  const tick = (): void => {
    count++;
  };
  const start = cpuMs();
  if (params.workload === 'batched') {
    for (let i = 0; i < n; i++) loop.callSoon(tick);
    loop.callSoon(() => loop.stop());
  } else if (params.workload === 'chained') {
    const next = (): void => {
      if (++count < n) loop.callSoon(next);
      else loop.stop();
    };
    loop.callSoon(next);
  } else {
    const timers = [];
    for (let i = 0; i < n; i++) timers.push(loop.callLater(i % DELAYS, tick));
    for (let i = 0; i < n; i += 2) timers[i]!.cancel();
    loop.callLater(DELAYS, () => loop.stop());
  }
  await loop.runForever();
  const ms = cpuMs() - start;
  const expected = params.workload === 'timers' ? n >> 1 : n;
  if (count !== expected) throw new Error(`measureOurs: ${count} callbacks ran, expected ${expected}`);
  loop.close();
  return opsPerSecond(n, ms);
}

/** Node's own: `setImmediate` (macrotasks, check phase) or `setTimeout`. */
export async function measureNodeImmediate(params: Params): Promise<number> {
  const n = params.n;
  let count = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const start = cpuMs();
  if (params.workload === 'batched') {
    const tick = (): void => {
      if (++count === n) done();
    };
    for (let i = 0; i < n; i++) setImmediate(tick);
  } else if (params.workload === 'chained') {
    const next = (): void => {
      if (++count < n) setImmediate(next);
      else done();
    };
    setImmediate(next);
  } else {
    const half = n >> 1;
    const tick = (): void => {
      if (++count === half) done();
    };
    const timers = [];
    for (let i = 0; i < n; i++) timers.push(setTimeout(tick, i % DELAYS));
    for (let i = 0; i < n; i += 2) clearTimeout(timers[i]);
  }
  await finished;
  return opsPerSecond(n, cpuMs() - start);
}

/** Node's own microtask queue: `queueMicrotask`. */
export async function measureNodeMicrotask(params: Params): Promise<number> {
  const n = params.n;
  let count = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const start = cpuMs();
  if (params.workload === 'batched') {
    const tick = (): void => {
      if (++count === n) done();
    };
    for (let i = 0; i < n; i++) queueMicrotask(tick);
  } else {
    const next = (): void => {
      if (++count < n) queueMicrotask(next);
      else done();
    };
    queueMicrotask(next);
  }
  await finished;
  return opsPerSecond(n, cpuMs() - start);
}

/**
 * The floor: no scheduler at all — closures pushed on an array and called in a loop. For
 * timers, the same closures with nothing ordering them: what any loop pays at the least.
 */
export async function measureFloor(params: Params): Promise<number> {
  const n = params.n;
  let count = 0;
  const tick = (): void => {
    count++;
  };
  const start = cpuMs();
  const queue: (() => void)[] = [];
  if (params.workload === 'chained') {
    const next = (): void => {
      if (++count < n) queue.push(next);
    };
    queue.push(next);
  } else {
    for (let i = 0; i < n; i++) queue.push(tick);
  }
  for (let i = 0; i < queue.length; i++) {
    if (params.workload === 'timers' && i % 2 === 0) continue; // the cancelled half
    queue[i]!();
  }
  const ms = cpuMs() - start;
  if (count < (params.workload === 'timers' ? n >> 1 : n)) throw new Error('measureFloor: not every callback ran');
  return opsPerSecond(n, ms);
}

/** The same three workloads for asyncio's loop (or uvloop's); prints callbacks per CPU second. */
const PYTHON_PROGRAM = String.raw`
import asyncio, sys, time
workload, n, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind == "uvloop":
    import uvloop
    loop = uvloop.new_event_loop()
else:
    loop = asyncio.new_event_loop()
count = 0
def tick():
    global count
    count += 1
def chain():
    global count
    count += 1
    if count < n:
        loop.call_soon(chain)
    else:
        loop.stop()
start = time.process_time()
if workload == "batched":
    for _ in range(n):
        loop.call_soon(tick)
    loop.call_soon(loop.stop)
elif workload == "chained":
    loop.call_soon(chain)
else:
    timers = [loop.call_later((i % 100) / 1000, tick) for i in range(n)]
    for t in timers[::2]:
        t.cancel()
    loop.call_later(0.1, loop.stop)
loop.run_forever()
elapsed = time.process_time() - start
expected = n // 2 if workload == "timers" else n
assert count == expected, (count, expected)
loop.close()
print(n / elapsed)
`;

function python(kind: 'asyncio' | 'uvloop'): string | undefined {
  const candidates = kind === 'asyncio' ? ['python3'] : ['python3', '/usr/bin/python3'];
  const probe = kind === 'asyncio' ? 'import asyncio' : 'import uvloop';
  return candidates.find((exe) => spawnSync(exe, ['-c', probe], { stdio: 'ignore' }).status === 0);
}

function pythonVersion(exe: string, kind: 'asyncio' | 'uvloop'): string {
  const code = kind === 'uvloop' ? 'import sys, uvloop; print("uvloop %s, CPython %d.%d.%d" % ((uvloop.__version__,) + sys.version_info[:3]))' : 'import sys; print("CPython %d.%d.%d asyncio" % sys.version_info[:3])';
  return execFileSync(exe, ['-c', code], { encoding: 'utf8' }).trim();
}

/** CPython's asyncio or uvloop, in a python3 process; the figure is measured inside Python. */
export async function measurePython(params: Params & { readonly exe: string; readonly kind: 'asyncio' | 'uvloop' }): Promise<number> {
  const out = execFileSync(params.exe, ['-c', PYTHON_PROGRAM, params.workload, String(params.n), params.kind], { encoding: 'utf8', timeout: 300_000 });
  return Number(out.trim());
}

/** 1e4…1e6 timers under the virtual clock: timers per second of CPU (set, half cancelled, rest fired). */
export async function measureVirtualTimersCost(params: { readonly n: number }): Promise<number> {
  const { EventLoop } = await import('../../src/event-loop/event-loop.ts');
  const n = params.n;
  const loop = new EventLoop();
  let fired = 0;
  const tick = (): void => {
    fired++;
  };
  const start = cpuMs();
  const timers = [];
  // Deadlines spread over the whole range, not in order: the heap does real work.
  for (let i = 0; i < n; i++) timers.push(loop.callLater((i * 7919) % n, tick));
  for (let i = 0; i < n; i += 2) timers[i]!.cancel();
  timers.length = 0;
  loop.callLater(n, () => loop.stop());
  await loop.runForever();
  const ms = cpuMs() - start;
  if (fired !== n >> 1) throw new Error(`measureVirtualTimersCost: ${fired} fired, expected ${n >> 1}`);
  loop.close();
  return opsPerSecond(n, ms);
}

/** The same run, measuring the heap: MB used after the run (and a GC) minus before. */
export async function measureVirtualTimersHeap(params: { readonly n: number }): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('measureVirtualTimersHeap needs node --expose-gc (bench/lib.ts passes it)');
  const { EventLoop } = await import('../../src/event-loop/event-loop.ts');
  gc();
  const before = process.memoryUsage().heapUsed;
  {
    const loop = new EventLoop();
    const timers = [];
    for (let i = 0; i < params.n; i++) timers.push(loop.callLater((i * 7919) % params.n, () => {}));
    for (let i = 0; i < params.n; i += 2) timers[i]!.cancel();
    timers.length = 0;
    loop.callLater(params.n, () => loop.stop());
    await loop.runForever();
    loop.close();
  }
  gc();
  return Math.max(0, process.memoryUsage().heapUsed - before) / 2 ** 20;
}

const NODE_IMMEDIATE = 'Node setImmediate';
const NODE_MICROTASK = 'Node queueMicrotask';
const NODE_TIMEOUT = 'Node setTimeout';
const FLOOR = 'floor (bare array of closures)';

function sizeName(n: number): string {
  return `1e${Math.round(Math.log10(n))}`;
}

export const suite = defineSuite({
  name: 'event-loop',
  title: 'EventLoop vs Node scheduling, CPython asyncio and uvloop: callSoon batched and chained, timers',
  cases: ({ quick }: MeasureContext) => {
    const n = quick ? 2_000 : 200_000;
    const asyncio = python('asyncio');
    const uvloop = python('uvloop');
    if (asyncio === undefined) console.error('bench event-loop: no python3 — skipping the CPython asyncio contender');
    if (uvloop === undefined) console.error('bench event-loop: no python3 with uvloop (apt-get install python3-uvloop) — skipping the uvloop contender');
    const pythonPeers = (workload: Workload): Record<string, ReturnType<typeof contender>> => {
      const peers: Record<string, ReturnType<typeof contender>> = {};
      if (asyncio !== undefined) peers[pythonVersion(asyncio, 'asyncio')] = contender(import.meta.url, 'measurePython', { workload, n, exe: asyncio, kind: 'asyncio' });
      if (uvloop !== undefined) peers[pythonVersion(uvloop, 'uvloop')] = contender(import.meta.url, 'measurePython', { workload, n, exe: uvloop, kind: 'uvloop' });
      return peers;
    };
    const cases: BenchCase[] = [];
    for (const workload of ['batched', 'chained'] as const) {
      cases.push({
        name: `callSoon ${workload}, ${n.toLocaleString('en-US')} callbacks`,
        unit: 'ops/s',
        higherIsBetter: true,
        ours: contender(import.meta.url, 'measureOurs', { workload, n }),
        peers: {
          [NODE_IMMEDIATE]: contender(import.meta.url, 'measureNodeImmediate', { workload, n }),
          [NODE_MICROTASK]: contender(import.meta.url, 'measureNodeMicrotask', { workload, n }),
          ...pythonPeers(workload),
          [FLOOR]: contender(import.meta.url, 'measureFloor', { workload, n }),
        },
        note: workload === 'batched' ? 'n callbacks scheduled, then run in one loop iteration; per second of CPU time' : 'each callback schedules the next: one loop iteration per callback; per second of CPU time',
      });
    }
    cases.push({
      name: `timers: ${n.toLocaleString('en-US')} set, half cancelled, the rest fired`,
      unit: 'ops/s',
      higherIsBetter: true,
      ours: contender(import.meta.url, 'measureOurs', { workload: 'timers', n }),
      peers: {
        'ours, real clock': contender(import.meta.url, 'measureOurs', { workload: 'timers', n, clock: 'real' }),
        [NODE_TIMEOUT]: contender(import.meta.url, 'measureNodeImmediate', { workload: 'timers', n }),
        ...pythonPeers('timers'),
        [FLOOR]: contender(import.meta.url, 'measureFloor', { workload: 'timers', n }),
      },
      note: `delays 0–${DELAYS - 1} ms (100 distinct), every other timer cancelled; ours on the virtual clock (and on the real one); timers set per second of CPU time`,
    });
    for (const size of quick ? [1e3, 1e4] : [1e4, 1e5, 1e6]) {
      cases.push({
        name: `virtual clock, ${sizeName(size)} timers`,
        unit: 'ops/s',
        higherIsBetter: true,
        ours: contender(import.meta.url, 'measureVirtualTimersCost', { n: size }),
        peers: {},
        note: 'timers per second of CPU time: set (deadlines spread over the run), half cancelled, the rest fired',
      });
    }
    const largest = quick ? 1e4 : 1e6;
    cases.push({
      name: `virtual clock, ${sizeName(largest)} timers: heap growth after the run`,
      unit: 'MB',
      higherIsBetter: false,
      ours: contender(import.meta.url, 'measureVirtualTimersHeap', { n: largest }),
      peers: {},
      note: 'heapUsed after the run and a full GC, minus before it: what the loop keeps once its timers are gone',
    });
    return cases;
  },
  derive: (cases) => {
    const out: CaseResult[] = [];
    const costs = cases.filter((c) => /^virtual clock, 1e\d timers$/.test(c.name));
    const first = costs[0];
    const last = costs.at(-1);
    if (first !== undefined && last !== undefined && first !== last) {
      const ratio = first.ours / last.ours; // cost per timer is 1 / throughput
      out.push({
        name: `virtual clock: CPU per timer at ${last.name.split(', ')[1]!.split(' ')[0]} timers ÷ at ${first.name.split(', ')[1]!.split(' ')[0]}`,
        unit: 'x',
        higherIsBetter: false,
        ours: ratio,
        peers: {},
        ratios: {},
        note: 'target ≤ 1.5 (flat); a binary heap adds log n, the rest is memory',
      });
    }
    return out;
  },
});
