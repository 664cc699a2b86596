/** Node's hidden threads: 8 pbkdf2 and 8 gzip calls with UV_THREADPOOL_SIZE = 1, 2, 4 — measured in child processes. */
// Run: pnpm lesson 3 demo libuv   (or: npx tsx demos/04-libuv-pool.ts)
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { run } from '@interleave/lesson-kit/commands';
import { median } from '@interleave/lesson-kit/demo';

const PROBE = fileURLToPath(new URL('../lib/pool-probe.mjs', import.meta.url));
const CALLS = 8;
const SIZES = [1, 2, 4];
const REPS = 3;
// pbkdf2 iterations / gzip input bytes: each call is a few tens of ms of CPU.
const OPS = [
  { op: 'pbkdf2', arg: 100_000, what: 'crypto.pbkdf2 (100k iterations)' },
  { op: 'gzip', arg: 4 * 2 ** 20, what: 'zlib.gzip (4 MB random)' },
];

async function measure(op: string, arg: number, poolSize: number): Promise<number> {
  // The pool size is read once, when the process first uses the pool: it must be in the
  // environment of a fresh process, so each measurement is a child process.
  const out = await run(process.execPath, [PROBE, op, String(CALLS), String(arg)], {
    env: { ...process.env, UV_THREADPOOL_SIZE: String(poolSize) },
    timeoutMs: 60_000,
  });
  if (!out.ok) throw new Error(`lib/pool-probe.mjs ${op} failed (${out.signal ?? `exit code ${out.exitCode}`}): ${out.stderr.trim()}`);
  return (JSON.parse(out.stdout) as { ms: number }).ms;
}

console.log(`${CALLS} calls started at once on the main thread; libuv runs them on its thread pool.`);
console.log(`${availableParallelism()} cores here, Node ${process.version}. ${REPS} runs each, interleaved; medians.\n`);
const results = new Map<string, number[]>();
for (let rep = 0; rep < REPS; rep++) {
  for (const { op, arg } of OPS) {
    for (const size of SIZES) {
      const key = `${op}:${size}`;
      results.set(key, [...(results.get(key) ?? []), await measure(op, arg, size)]);
    }
  }
}
console.log(`operation                          ${SIZES.map((s) => `pool=${s}`.padStart(10)).join('')}   speed-up 1 → ${SIZES.at(-1)}`);
for (const { op, what } of OPS) {
  const ms = SIZES.map((s) => median(results.get(`${op}:${s}`)!));
  console.log(`${what.padEnd(34)} ${ms.map((m) => `${m.toFixed(0)} ms`.padStart(10)).join('')}   ${(ms[0]! / ms.at(-1)!).toFixed(2)}×`);
}
console.log(`\nThe JavaScript thread only starts the calls; the work runs on the pool's threads.`);
console.log(`With 1 pool thread the ${CALLS} calls queue one after another; with more, they run in parallel —`);
console.log(`up to the number of cores (${availableParallelism()} here), so 4 threads cannot beat 2 by much on this machine.`);
