/** The article's claim (Differences between parallelism, concurrency and asynchronous programming in Python) side by side: CPython threads vs processes (the GIL) next to Node's main thread vs worker threads. */
// Run: pnpm lesson 1 demo gil     (needs python3 on PATH for the Python rows)
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { WorkerPool } from '@interleave/toolkit';
import { countPrimes } from '../lib/count-primes.ts';
import { MissingCommandError, run, type ProcessOutput } from '@interleave/lesson-kit/commands';
import { loadWarning, median, ms, table, times } from '@interleave/lesson-kit/demo';

const NODE_N = 3_000_000; // Node is ~20-40x faster on this loop, so each runtime gets its own size
const PYTHON_N = 300_000;
const CHUNKS = 16;
const REPS = 3;
const cores = os.availableParallelism();
const workers = Math.max(2, cores);
const ranges = (n: number): Array<{ start: number; end: number }> =>
  Array.from({ length: CHUNKS }, (_, i) => ({ start: Math.floor((n * i) / CHUNKS), end: Math.floor((n * (i + 1)) / CHUNKS) }));

process.stdout.write(loadWarning(cores));
console.log(`Count the primes below N in ${CHUNKS} chunks, ${workers} workers, ${cores} usable core(s). Pools are started before timing; median of ${REPS}.\n`);

const rows: Array<Array<string | number>> = [];

// CPython: the same loop, in a ThreadPoolExecutor and in a ProcessPoolExecutor.
let python: ProcessOutput | undefined;
try {
  python = await run('python3', [fileURLToPath(new URL('./gil.py', import.meta.url)), String(PYTHON_N), String(CHUNKS), String(workers), String(REPS)], { timeoutMs: 60_000 });
} catch (error) {
  if (!(error instanceof MissingCommandError)) throw error;
  console.log(`${error.message} Skipping the CPython rows.\n`);
}
if (python && !python.ok) {
  const why = python.signal ? `python3 was stopped (${python.signal}) after 60 s` : python.stderr.trim() || `python3 exited with code ${python.exitCode}`;
  console.log(`(Skipping the CPython rows: ${why}.)\n`);
} else if (python) {
  const py = JSON.parse(python.stdout) as { python: string; gil: boolean; serial: number; threads: number; processes: number };
  const label = `CPython ${py.python}${py.gil ? '' : ' (no GIL)'}`;
  rows.push([label, `${workers} threads (ThreadPoolExecutor)`, PYTHON_N.toLocaleString('en'), ms(py.serial), ms(py.threads), times(py.serial / py.threads)]);
  rows.push([label, `${workers} processes (ProcessPoolExecutor)`, PYTHON_N.toLocaleString('en'), ms(py.serial), ms(py.processes), times(py.serial / py.processes)]);
}

// Node: Promise.all on the main thread, and a WorkerPool of threads.
{
  await using pool = new WorkerPool<{ start: number; end: number }, number>({ filename: new URL('../lib/primes.worker.ts', import.meta.url), size: workers });
  await Promise.all(Array.from({ length: workers }, () => pool.run({ start: 0, end: 1000 })));
  const chunks = ranges(NODE_N);
  const serial: number[] = [];
  const all: number[] = [];
  const threads: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    let t = performance.now();
    const expected = chunks.reduce((sum, c) => sum + countPrimes(c.start, c.end), 0);
    serial.push(performance.now() - t);
    t = performance.now();
    const viaAll = (await Promise.all(chunks.map(async (c) => countPrimes(c.start, c.end)))).reduce((a, b) => a + b, 0);
    all.push(performance.now() - t);
    t = performance.now();
    const viaPool = (await Promise.all(chunks.map((c) => pool.run(c)))).reduce((a, b) => a + b, 0);
    threads.push(performance.now() - t);
    if (viaAll !== expected || viaPool !== expected) throw new Error('the answers disagree');
  }
  const base = median(serial);
  const label = `Node ${process.version}`;
  rows.push([label, `Promise.all on the main thread`, NODE_N.toLocaleString('en'), ms(base), ms(median(all)), times(base / median(all))]);
  rows.push([label, `${workers} worker threads (WorkerPool)`, NODE_N.toLocaleString('en'), ms(base), ms(median(threads)), times(base / median(threads))]);
}

console.log(table(['runtime', 'way', 'N', 'serial', 'this way', 'speedup'], rows));
console.log(`
CPython threads share one interpreter lock: one thread runs Python bytecode at a time, so
CPU-bound threads take turns. Processes each have their own interpreter and lock.
A Node process runs JavaScript on one thread per isolate — Promise.all only interleaves
waiting. Worker threads are separate isolates (own heap, own event loop) in one process,
so, unlike CPython threads, they run JavaScript at the same time.`);
