/**
 * The pool crash suite as a benchmark: the scenarios of src/worker-pool.test.ts, written
 * against the small BenchPool interface so they run unchanged on ours, piscina and
 * tinypool. Each (pool, scenario) runs in its own process (`pool-crash-child.ts`) with a
 * hard time limit, so a pool that hangs is reported as hanging and never hangs the bench.
 *
 * A scenario passes when the crashed, aborted or timed-out task settles within 2 s the way
 * it should, the tasks around it and the next task succeed (given up to 10 s, as they may
 * need a new thread), and the process then exits by itself after `destroy()`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makePool, type BenchPool, type BenchPoolSettings, type PoolKind } from './pool-adapters.ts';

/** Every crashed, aborted or timed-out task must settle within this. */
export const BOX_MS = 2_000;
/**
 * What needs a new thread (warm-up, the next task after a crash, a failed start) gets
 * longer: a busy 2-core machine can take seconds to start a thread, more so ours, which
 * loads tsx to run a .ts worker. Hanging is still caught, just not confused with a slow start.
 */
export const START_BOX_MS = 10_000;

export type Outcome = 'pass' | 'fail' | 'hangs' | 'leaks' | 'n/a';

export interface ScenarioResult {
  outcome: Outcome;
  /** ms from the start of the scenario until its key promise settled (BOX_MS if it did not). */
  ms: number;
  detail: string;
}

class ScenarioFailure extends Error {
  outcome: Outcome;
  constructor(outcome: Outcome, message: string) {
    super(message);
    this.outcome = outcome;
  }
}

/** Waits for `promise` at most BOX_MS; says how it settled. */
async function within<T>(what: string, promise: Promise<T>, ms = BOX_MS): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const box = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ScenarioFailure('hangs', `${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      box,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function rejects(what: string, promise: Promise<unknown>, ms = BOX_MS): Promise<unknown> {
  const result = await within(what, promise, ms);
  if (result.ok) throw new ScenarioFailure('fail', `${what} resolved (${JSON.stringify(result.value)}) instead of rejecting`);
  return result.error;
}

async function resolves(what: string, promise: Promise<unknown>, expected: unknown, ms = BOX_MS): Promise<void> {
  const result = await within(what, promise, ms);
  if (!result.ok) throw new ScenarioFailure('fail', `${what} rejected: ${String((result.error as Error)?.message ?? result.error)}`);
  if (result.value !== expected) throw new ScenarioFailure('fail', `${what} resolved ${JSON.stringify(result.value)}, not ${JSON.stringify(expected)}`);
}

async function nextTaskWorks(pool: BenchPool): Promise<void> {
  await resolves('the next task', pool.run(42), 42, START_BOX_MS);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Scenario {
  title: string;
  /** Run `size` tasks before the clock starts (not for a scenario about starting). Default true. */
  warm?: boolean;
  settings?: Partial<BenchPoolSettings> & { oursOnly?: { taskTimeoutMs: number } };
  /** Runs the scenario; returns when its key promise settled (for the figure). */
  run(pool: BenchPool, kind: PoolKind, mark: () => void): Promise<void>;
}

export const SCENARIOS: Record<string, Scenario> = {
  throw: {
    title: 'task throws',
    async run(pool, _kind, mark) {
      const error = await rejects('the throwing task', pool.run({ op: 'throw' }));
      mark();
      if ((error as Error).message !== 'task failed on purpose') throw new ScenarioFailure('fail', `wrong error: ${String(error)}`);
      await nextTaskWorks(pool);
    },
  },
  exit: {
    title: 'process.exit in a task',
    settings: { size: 1 },
    async run(pool, _kind, mark) {
      const crash = pool.run({ op: 'exit' });
      const queued = [1, 2, 3].map((n) => pool.run(n));
      await rejects('the exiting task', crash);
      mark();
      for (const [i, task] of queued.entries()) await resolves(`queued task ${i + 1}`, task, i + 1, START_BOX_MS);
      await nextTaskWorks(pool);
    },
  },
  oom: {
    title: 'out of memory (resourceLimits)',
    settings: { resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } },
    async run(pool, _kind, mark) {
      // The task itself takes a while to fill its heap, so its box is the long one.
      await rejects('the task that runs out of memory', pool.run({ op: 'oom' }), START_BOX_MS);
      mark();
      await nextTaskWorks(pool);
    },
  },
  'loop-abort': {
    title: 'infinite loop + abort',
    async run(pool, _kind, mark) {
      const controller = new AbortController();
      const spinning = pool.run({ op: 'spin' }, { signal: controller.signal });
      await pause(100);
      controller.abort();
      await rejects('the aborted infinite loop', spinning);
      mark();
      await nextTaskWorks(pool);
    },
  },
  timeout: {
    title: 'task timeout (300 ms)',
    settings: { oursOnly: { taskTimeoutMs: 300 } },
    async run(pool, kind, mark) {
      // The peers have no per-task timeout; they get the nearest thing, AbortSignal.timeout.
      const options = kind === 'ours' ? {} : { signal: AbortSignal.timeout(300) };
      await rejects('the task past its timeout', pool.run({ op: 'spin' }, options));
      mark();
      await nextTaskWorks(pool);
    },
  },
  'abort-queued': {
    title: 'abort a queued task',
    settings: { size: 1 },
    async run(pool, _kind, mark) {
      const blocker = pool.run({ op: 'sleep', ms: 300 });
      const controller = new AbortController();
      const queued = pool.run(7, { signal: controller.signal });
      controller.abort();
      await rejects('the aborted queued task', queued);
      mark();
      await resolves('the task ahead of it', blocker, 'slept');
      await nextTaskWorks(pool);
    },
  },
  'abort-running': {
    title: 'abort a running task',
    async run(pool, _kind, mark) {
      const controller = new AbortController();
      const running = pool.run({ op: 'cooperate' }, { signal: controller.signal });
      await pause(100);
      controller.abort();
      await rejects('the aborted running task', running);
      mark();
      await nextTaskWorks(pool);
    },
  },
  close: {
    title: 'close() with tasks in flight',
    settings: { size: 1 },
    async run(pool, _kind, mark) {
      if (pool.close === undefined) throw new ScenarioFailure('n/a', 'this pool has no close(), only destroy()');
      const tasks = [1, 2, 3].map(() => pool.run({ op: 'sleep', ms: 100 }));
      const closing = pool.close();
      for (const [i, task] of tasks.entries()) await resolves(`in-flight task ${i + 1}`, task, 'slept');
      await resolves('close()', closing, undefined);
      mark();
      // Whether a closed pool refuses new work is a design choice; it must not hang.
      await within('run() after close()', pool.run(1));
    },
  },
  destroy: {
    title: 'destroy() with tasks in flight',
    settings: { size: 1 },
    async run(pool, _kind, mark) {
      const spinning = pool.run({ op: 'spin' });
      const queued = pool.run(1);
      await pause(100);
      const destroying = Promise.resolve().then(() => pool.destroy());
      await rejects('the running task', spinning);
      await rejects('the queued task', queued);
      await resolves('destroy()', destroying, undefined);
      mark();
      await within('run() after destroy()', pool.run(1));
    },
  },
  'start-failure': {
    title: 'worker fails at start',
    warm: false,
    settings: { size: 1, worker: 'fail-first-start' },
    async run(pool, _kind, mark) {
      // The first thread's module throws while loading; later threads start fine. The
      // first task must settle (a rejection is the honest answer), the next must succeed.
      await within('the task on the failed worker', pool.run(1), START_BOX_MS).then((result) => {
        if ('error' in result && result.error instanceof ScenarioFailure) throw result.error;
      });
      mark();
      await resolves('the next task', pool.run(41), 42, START_BOX_MS);
    },
  },
};

/** Runs one scenario in this process (called by pool-crash-child.ts). */
export async function runScenario(kind: PoolKind, name: string): Promise<ScenarioResult> {
  const scenario = SCENARIOS[name];
  if (scenario === undefined) throw new RangeError(`pool-crash: unknown scenario ${JSON.stringify(name)}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const { oursOnly, ...settings } = scenario.settings ?? {};
  let settledAt = Number.NaN;
  const pool = await makePool(kind, {
    size: 2,
    ...settings,
    ...(settings.worker === 'fail-first-start' ? { workerData: { starts: new Int32Array(new SharedArrayBuffer(4)) } } : {}),
    ...(kind === 'ours' ? oursOnly : {}),
  });
  let result: ScenarioResult;
  try {
    if (scenario.warm !== false) {
      const size = settings.size ?? 2;
      await Promise.all(Array.from({ length: size * 2 }, (_, i) => resolves('a warm-up task', pool.run(i), i, START_BOX_MS)));
    }
    const start = performance.now();
    await scenario.run(pool, kind, () => (settledAt = performance.now() - start));
    result = { outcome: 'pass', ms: settledAt, detail: 'ok' };
  } catch (error) {
    const outcome = error instanceof ScenarioFailure ? error.outcome : 'fail';
    result = { outcome, ms: BOX_MS, detail: String((error as Error)?.message ?? error) };
  }
  // A pool whose destroy() throws or hangs fails the scenario too, but is still reported.
  const destroyed = await within('destroy()', Promise.resolve().then(() => pool.destroy()), START_BOX_MS).catch((error: unknown) => ({
    ok: false as const,
    error,
  }));
  if (!destroyed.ok && result.outcome === 'pass') {
    const reason = (destroyed.error as Error)?.message ?? String(destroyed.error);
    result = { outcome: destroyed.error instanceof ScenarioFailure ? destroyed.error.outcome : 'fail', ms: BOX_MS, detail: `destroy() at the end: ${reason}` };
  }
  return result;
}

const CHILD = fileURLToPath(new URL('./pool-crash-child.ts', import.meta.url));
/** After printing its result, the scenario process must exit by itself within this. */
const EXIT_MS = 3_000;
const HARD_LIMIT_MS = 45_000;

/** Runs one scenario in a fresh process; a hang or a process that will not exit is reported, never waited on forever. */
export function runScenarioIsolated(kind: PoolKind, name: string): Promise<ScenarioResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CHILD, kind, name], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let result: ScenarioResult | undefined;
    let exitTimer: ReturnType<typeof setTimeout> | undefined;
    const hard = setTimeout(() => child.kill('SIGKILL'), HARD_LIMIT_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('SCENARIO '));
      if (line !== undefined && result === undefined) {
        result = JSON.parse(line.slice('SCENARIO '.length)) as ScenarioResult;
        exitTimer = setTimeout(() => child.kill('SIGKILL'), EXIT_MS);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(hard);
      clearTimeout(exitTimer);
      if (result === undefined) {
        const why = signal === 'SIGKILL' ? `killed after ${HARD_LIMIT_MS} ms` : `exited with ${code ?? signal}`;
        resolve({ outcome: signal === 'SIGKILL' ? 'hangs' : 'fail', ms: BOX_MS, detail: `${why}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
      } else if (signal === 'SIGKILL') {
        resolve({ outcome: result.outcome === 'pass' ? 'leaks' : result.outcome, ms: result.outcome === 'pass' ? BOX_MS : result.ms, detail: `${result.detail}; the process did not exit by itself within ${EXIT_MS} ms after destroy()` });
      } else {
        resolve(result);
      }
    });
  });
}
