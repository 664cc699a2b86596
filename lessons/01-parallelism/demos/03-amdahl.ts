/** Amdahl's law measured: a job with a serial part, its serial fraction, predicted vs observed speedup on a WorkerPool. */
// Run: pnpm lesson 1 demo amdahl
import os from 'node:os';
import { WorkerPool } from '@interleave/toolkit';
import { countPrimes } from '../lib/count-primes.ts';
import { loadWarning, median, ms, table, times } from '@interleave/lesson-kit/demo';

const P = 1_500_000; // the parallel part: primes below P, in 8 chunks
const CHUNKS = 8;
const SERIAL = [0, 500_000, 1_000_000, 1_500_000]; // the serial part: primes below S, on the main thread only
const REPS = 3;
const cores = os.availableParallelism();
const workers = Math.max(2, cores);

function amdahl(s: number, n: number): number {
  return 1 / (s + (1 - s) / n);
}

const chunks = Array.from({ length: CHUNKS }, (_, i) => ({ start: Math.floor((P * i) / CHUNKS), end: Math.floor((P * (i + 1)) / CHUNKS) }));
await using pool = new WorkerPool<{ start: number; end: number }, number>({ filename: new URL('../lib/primes.worker.ts', import.meta.url), size: workers });
// Start the threads before measuring: here we look at the job, not at start-up (demo 01 does).
await Promise.all(Array.from({ length: workers }, () => pool.run({ start: 0, end: 1000 })));

process.stdout.write(loadWarning(cores));
console.log(`A job = a serial part (primes below S, main thread only) + a parallel part (primes below ${P.toLocaleString('en')}, ${CHUNKS} chunks).`);
console.log(`One thread vs a WorkerPool of ${workers} on ${cores} usable core(s); median of ${REPS}, interleaved.\n`);

const rows: Array<Array<string | number>> = [];
const measured: Array<{ s: number; observed: number }> = [];
for (const S of SERIAL) {
  const one: number[] = [];
  const many: number[] = [];
  const serialPart: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    // Everything on one thread. Time the serial part alone: that gives the serial fraction.
    let t = performance.now();
    countPrimes(0, S);
    const ts = performance.now() - t;
    for (const c of chunks) countPrimes(c.start, c.end);
    one.push(performance.now() - t);
    serialPart.push(ts);
    // The same job: serial part here, then the parallel part on the pool.
    t = performance.now();
    countPrimes(0, S);
    await Promise.all(chunks.map((c) => pool.run(c)));
    many.push(performance.now() - t);
  }
  const t1 = median(one);
  const tn = median(many);
  const s = median(serialPart) / t1;
  const observed = t1 / tn;
  measured.push({ s, observed });
  rows.push([S.toLocaleString('en'), `${(s * 100).toFixed(0)} %`, ms(t1), ms(tn), times(amdahl(s, workers)), times(observed)]);
}
console.log(table(['serial part S', 'serial fraction', '1 thread', `${workers} workers`, 'predicted', 'observed'], rows));

console.log(`\nThe same serial fractions on bigger machines (predicted by Amdahl's law):\n`);
console.log(
  table(
    ['serial fraction', '2 cores', '4 cores', '16 cores', '64 cores', 'limit 1/s'],
    measured.map(({ s }) => [`${(s * 100).toFixed(0)} %`, ...[2, 4, 16, 64].map((n) => times(amdahl(s, n))), s > 0.001 ? times(1 / s) : '∞']),
  ),
);
console.log(`
Observed below predicted? The gap is the cost the formula leaves out: messages to and
from the workers, and chunks that do not end at the same moment.`);
