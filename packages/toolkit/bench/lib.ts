/**
 * The bench framework: side-by-side comparisons, each contender in a fresh process.
 *
 * Method (also in the toolkit README, "Benchmarks"): for every case, every contender (ours and each peer) runs in its
 * own freshly spawned Node process per repetition, so no contender inherits another's JIT
 * state, heap or loaded modules. Inside that process the measure function runs `warmup`
 * times unmeasured, then `samples` times; the process reports the median of its samples.
 * Repetitions are interleaved (ours, peer A, peer B, then the next repetition in rotated
 * order), so slow drift of the machine hits every contender alike. The figure for a
 * contender is the median over repetitions; ratios are `ours / theirs` in the case's unit
 * (so for `ops/s` a ratio ≥ 1 means we are faster, for `ms` a ratio ≤ 1 does).
 *
 * ## How to add a suite
 *
 * 1. Create `bench/suites/<suite>.ts`. `bench/run.ts` finds every file in that folder.
 * 2. In it, export one measure function per contender, `(params, context) => Promise<number>`,
 *    that returns a single figure in the case's unit (use {@link opsPerSecond} with
 *    {@link elapsedMs} for wall-clock time, or {@link cpuMs} for the CPU time of
 *    single-threaded work, which a busy machine disturbs less). Import the library under test *inside* the function with a
 *    dynamic `import()`, so each process loads only the code of the contender it measures.
 *    Params must be JSON (they cross a process boundary on the command line).
 * 3. Export `suite` built with {@link defineSuite}: a name (also the result file name), a
 *    title, and `cases(context)` returning the cases; each case names its `ours` and `peers`
 *    with {@link contender}`(import.meta.url, 'exportName', params)`, its unit, whether
 *    higher is better, and optionally the physical `limit` (e.g. 2.0 for a speedup on two
 *    cores) and a `note`.
 *    Optional: `options` (run options for this suite, e.g. `{ warmup: 1, samples: 1 }` for
 *    heavy workloads), `derive(cases)` (extra cases computed from the measured ones), and
 *    Node flags per contender (`contender(url, name, params, ['--max-semi-space-size=256'])`).
 * 4. Keep `context.quick` (set by `BENCH_QUICK=1`) small: it is a smoke run that proves the
 *    suite works in seconds; CI never asserts on its numbers.
 * 5. Run `pnpm bench` (all suites) or `npx tsx bench/run.ts <suite>`; a full run writes
 *    `bench/results/<suite>.json` (contract 3), a quick run writes nothing unless
 *    `BENCH_OUT` names a folder.
 *
 * @example
 * ```ts
 * import { contender, defineSuite, elapsedMs, opsPerSecond } from './lib.ts';
 *
 * export async function measureLoop(params: { n: number }): Promise<number> {
 *   const start = elapsedMs();
 *   let sum = 0;
 *   for (let i = 0; i < params.n; i++) sum += i;
 *   if (sum < 0) throw new Error('unreachable');
 *   return opsPerSecond(params.n, elapsedMs() - start);
 * }
 *
 * export const suite = defineSuite({
 *   name: 'example',
 *   title: 'A loop against itself',
 *   cases: ({ quick }) => [{
 *     name: 'sum',
 *     unit: 'ops/s',
 *     higherIsBetter: true,
 *     ours: contender(import.meta.url, 'measureLoop', { n: quick ? 1e3 : 1e7 }),
 *     peers: { 'the same loop': contender(import.meta.url, 'measureLoop', { n: quick ? 1e3 : 1e7 }) },
 *   }],
 * });
 * ```
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Units a case may report in (contract 3). */
export type Unit = 'ops/s' | 'ms' | 'x' | 'MB';

/** A JSON value: what may cross the process boundary as measure params. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** What a measure function receives beside its params. */
export interface MeasureContext {
  /** True in a smoke run (`BENCH_QUICK=1`): measure little, just prove it works. */
  readonly quick: boolean;
}

/** A measure function: runs the workload once and returns one figure in the case's unit. */
export type Measure<P extends Json = Json> = (params: P, context: MeasureContext) => Promise<number>;

/** One contender of a case: which exported measure function to run, with which params. */
export interface Contender {
  /** Absolute file URL of the module that exports the measure function. */
  readonly module: string;
  readonly exportName: string;
  readonly params: Json;
  /** Extra Node flags for this contender's process (e.g. a heap setting). Default none. */
  readonly nodeArgs?: readonly string[];
}

/** One comparison: our contender against one or more peers, in one unit. */
export interface BenchCase {
  readonly name: string;
  readonly unit: Unit;
  readonly higherIsBetter: boolean;
  readonly ours: Contender;
  readonly peers: Readonly<Record<string, Contender>>;
  /** The physical limit of the figure on this machine, when one exists (e.g. 2 cores ⇒ 2.0×). */
  readonly limit?: number;
  readonly note?: string;
}

/** A suite: a named list of cases, written to `bench/results/<name>.json`. */
export interface Suite {
  readonly name: string;
  readonly title: string;
  readonly cases: (context: MeasureContext) => readonly BenchCase[];
  /** Run options of this suite, over the command line's (e.g. one repetition for a pass/fail suite). */
  readonly options?: RunOptions;
  /**
   * Extra cases computed from the measured ones (e.g. how our cost per operation grows
   * with queue depth), appended to the result.
   */
  readonly derive?: (cases: readonly CaseResult[]) => CaseResult[];
}

/** The machine a result was measured on. */
export interface Machine {
  readonly cpus: number;
  readonly model: string;
  readonly node: string;
}

/** One case's result (contract 3). */
export interface CaseResult {
  name: string;
  unit: Unit;
  higherIsBetter: boolean;
  ours: number;
  peers: Record<string, number>;
  ratios: Record<string, number>;
  limit?: number;
  note?: string;
}

/** A suite's result file (contract 3). */
export interface SuiteResult {
  suite: string;
  title: string;
  command: string;
  date: string;
  machine: Machine;
  cases: CaseResult[];
}

/** How {@link runSuite} measures. */
export interface RunOptions {
  /** Fresh processes per contender per case. Default 5 (1 when quick). */
  readonly repetitions?: number;
  /** Unmeasured runs inside each process before sampling. Default 2 (0 when quick). */
  readonly warmup?: number;
  /** Measured runs inside each process; the process reports their median. Default 3 (1 when quick). */
  readonly samples?: number;
  /** Smoke run. Default false. */
  readonly quick?: boolean;
  /** Kill a contender process that runs longer than this. Default 120000. */
  readonly timeoutMs?: number;
  /** Progress lines go here. Default: stderr. */
  readonly log?: (line: string) => void;
  /** Recorded in the result as the command that produced it. Default `pnpm bench`. */
  readonly command?: string;
}

const RESULT_PREFIX = 'BENCH_RESULT ';
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/**
 * Names a measure function as a contender.
 *
 * @example
 * ```ts
 * import { contender } from './lib.ts';
 * const c = contender(import.meta.url, 'measureLoop', { n: 1000 });
 * console.log(c.exportName); // "measureLoop"
 * ```
 */
export function contender(module: string | URL, exportName: string, params: Json = null, nodeArgs: readonly string[] = []): Contender {
  const url = typeof module === 'string' && !module.startsWith('file:') ? pathToFileURL(module).href : String(module);
  if (exportName === '') throw new TypeError('contender: exportName must name an exported measure function, got ""');
  return nodeArgs.length > 0 ? { module: url, exportName, params, nodeArgs } : { module: url, exportName, params };
}

/**
 * Checks a suite's shape and returns it (a typed identity, so suite files read declaratively).
 *
 * @example
 * ```ts
 * import { defineSuite } from './lib.ts';
 * export const suite = defineSuite({ name: 'empty', title: 'Nothing', cases: () => [] });
 * ```
 */
export function defineSuite(suite: Suite): Suite {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(suite.name)) {
    throw new TypeError(`defineSuite: name must be kebab-case (it names the result file), got ${JSON.stringify(suite.name)}`);
  }
  return suite;
}

/**
 * A monotonic clock in milliseconds with sub-millisecond resolution.
 *
 * @example
 * ```ts
 * import { elapsedMs } from './lib.ts';
 * const t0 = elapsedMs();
 * console.log(elapsedMs() - t0 >= 0); // true
 * ```
 */
export function elapsedMs(): number {
  return performance.now();
}

/**
 * CPU time this process has used so far (user + system, all its threads), in
 * milliseconds. For single-threaded work, a difference of two readings measures the work
 * itself: unlike wall-clock time it does not grow when other processes compete for the
 * cores — which matters on a shared or busy machine.
 *
 * @example
 * ```ts
 * import { cpuMs } from './lib.ts';
 * const t0 = cpuMs();
 * for (let i = 0; i < 1e6; i++);
 * console.log(cpuMs() - t0 >= 0); // true
 * ```
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Operations per second from a count and a duration in milliseconds.
 *
 * @example
 * ```ts
 * import { opsPerSecond } from './lib.ts';
 * console.log(opsPerSecond(1000, 500)); // 2000
 * ```
 */
export function opsPerSecond(operations: number, ms: number): number {
  if (!(ms > 0)) throw new RangeError(`opsPerSecond: ms must be > 0, got ${ms}; measure a larger workload`);
  return (operations * 1000) / ms;
}

/**
 * The median of a non-empty list (mean of the middle two for an even length).
 *
 * @example
 * ```ts
 * import { median } from './lib.ts';
 * console.log(median([3, 1, 2])); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: values must not be empty');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The machine this process runs on.
 *
 * @example
 * ```ts
 * import { machineInfo } from './lib.ts';
 * console.log(machineInfo().cpus > 0); // true
 * ```
 */
export function machineInfo(): Machine {
  const cpus = os.cpus();
  return { cpus: cpus.length, model: cpus[0]?.model.trim() ?? 'unknown', node: process.version };
}

/**
 * Runs one contender once in a fresh process and returns its figure.
 * The child (`bench/child.ts`) warms up, samples, and prints the median of its samples.
 */
export function runContender(
  c: Contender,
  options: { warmup: number; samples: number; quick: boolean; timeoutMs: number },
): Promise<number> {
  const tsx = import.meta.resolve('tsx');
  const args = [
    ...(c.nodeArgs ?? []),
    '--expose-gc',
    '--import',
    tsx,
    CHILD,
    c.module,
    c.exportName,
    JSON.stringify(c.params),
    String(options.warmup),
    String(options.samples),
    options.quick ? '1' : '0',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line !== undefined) {
        const value = Number(line.slice(RESULT_PREFIX.length));
        if (Number.isFinite(value)) return resolve(value);
      }
      const why = sig === 'SIGKILL' ? `was killed after ${options.timeoutMs} ms (timeoutMs)` : `exited with ${code ?? sig}`;
      reject(new Error(`bench: ${c.exportName} (${c.module}) ${why}\n${err.trim()}\n${out.trim()}`));
    });
  });
}

/**
 * Runs a suite: every case, every contender in fresh processes, interleaved repetitions,
 * medians and ratios.
 *
 * @example
 * ```ts
 * import { defineSuite, runSuite } from './lib.ts';
 * const result = await runSuite(defineSuite({ name: 'empty', title: 'Nothing', cases: () => [] }), { quick: true });
 * console.log(result.cases.length); // 0
 * ```
 */
export async function runSuite(suite: Suite, options: RunOptions = {}): Promise<SuiteResult> {
  const quick = options.quick ?? false;
  const repetitions = options.repetitions ?? (quick ? 1 : 5);
  const warmup = options.warmup ?? (quick ? 0 : 2);
  const samples = options.samples ?? (quick ? 1 : 3);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  for (const [name, value] of Object.entries({ repetitions, samples })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`runSuite: ${name} must be an integer ≥ 1, got ${value}`);
  }
  if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError(`runSuite: warmup must be an integer ≥ 0, got ${warmup}`);

  const [load] = os.loadavg();
  if (!quick && load !== undefined && load > os.cpus().length * 0.75) {
    log(`  warning: load average ${load.toFixed(1)} on ${os.cpus().length} cores — other work is running; figures will be noisy`);
  }
  const cases: CaseResult[] = [];
  for (const benchCase of suite.cases({ quick })) {
    const entries: [string, Contender][] = [['ours', benchCase.ours], ...Object.entries(benchCase.peers)];
    const figures = new Map<string, number[]>(entries.map(([n]) => [n, []]));
    for (let rep = 0; rep < repetitions; rep++) {
      // Rotate the order each repetition so no contender always runs first or last.
      for (let k = 0; k < entries.length; k++) {
        const [who, c] = entries[(k + rep) % entries.length]!;
        figures.get(who)!.push(await runContender(c, { warmup, samples, quick, timeoutMs }));
      }
    }
    const ours = median(figures.get('ours')!);
    const peers: Record<string, number> = {};
    const ratios: Record<string, number> = {};
    for (const [who] of entries.slice(1)) {
      peers[who] = median(figures.get(who)!);
      ratios[who] = ours / peers[who];
    }
    const result: CaseResult = { name: benchCase.name, unit: benchCase.unit, higherIsBetter: benchCase.higherIsBetter, ours, peers, ratios };
    if (benchCase.limit !== undefined) result.limit = benchCase.limit;
    if (benchCase.note !== undefined) result.note = benchCase.note;
    cases.push(result);
    log(`  ${suite.name} › ${benchCase.name}: ours ${formatNumber(ours)} ${benchCase.unit}` +
      Object.entries(peers).map(([p, v]) => `, ${p} ${formatNumber(v)} (×${ratios[p]!.toFixed(2)})`).join(''));
  }
  if (suite.derive !== undefined) cases.push(...suite.derive(cases));
  return {
    suite: suite.name,
    title: suite.title,
    command: options.command ?? 'pnpm bench',
    date: new Date().toISOString(),
    machine: machineInfo(),
    cases,
  };
}

/**
 * A number with three significant digits and thousands separators, for tables.
 *
 * @example
 * ```ts
 * import { formatNumber } from './lib.ts';
 * console.log(formatNumber(1234567)); // "1,230,000"
 * ```
 */
export function formatNumber(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  const rounded = Number(value.toPrecision(3));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * A plain-text table of a suite result: one row per case and peer, with the ratio and,
 * where the case has one, whether the target direction holds.
 *
 * @example
 * ```ts
 * import { formatTable } from './lib.ts';
 * const text = formatTable({
 *   suite: 's', title: 'T', command: 'c', date: '', machine: { cpus: 2, model: 'm', node: 'v20' },
 *   cases: [{ name: 'a', unit: 'ops/s', higherIsBetter: true, ours: 2, peers: { p: 1 }, ratios: { p: 2 } }],
 * });
 * console.log(text.includes('2.00×')); // true
 * ```
 */
export function formatTable(result: SuiteResult): string {
  const header = ['case', 'unit', 'ours', 'peer', 'theirs', 'ours/theirs', 'limit'];
  const rows: string[][] = [];
  for (const c of result.cases) {
    for (const [peer, theirs] of Object.entries(c.peers)) {
      const ratio = c.ratios[peer]!;
      const better = c.higherIsBetter ? ratio >= 1 : ratio <= 1;
      rows.push([
        c.name,
        c.unit,
        formatNumber(c.ours),
        peer,
        formatNumber(theirs),
        `${ratio.toFixed(2)}× ${better ? '✓' : '✗'}`,
        c.limit === undefined ? '' : `${c.limit}`,
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i >= 2 && i !== 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  const load = os.loadavg()[0]!.toFixed(1);
  const title = `${result.title} (${result.suite}) — ${result.machine.cpus}× ${result.machine.model}, Node ${result.machine.node}, load ${load} now`;
  return [title, line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Writes `<dir>/<suite>.json` (pretty-printed, trailing newline) and returns its path.
 *
 * @example
 * ```ts
 * import { writeResult } from './lib.ts';
 * import os from 'node:os';
 * const path = await writeResult({ suite: 'x', title: 'X', command: 'c', date: '', machine: { cpus: 1, model: 'm', node: 'v' }, cases: [] }, os.tmpdir());
 * console.log(path.endsWith('x.json')); // true
 * ```
 */
export async function writeResult(result: SuiteResult, dir: string | URL): Promise<string> {
  const folder = typeof dir === 'string' ? dir : fileURLToPath(dir);
  await mkdir(folder, { recursive: true });
  const path = `${folder.replace(/\/$/, '')}/${result.suite}.json`;
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
