/** Processes vs threads: what it costs to start one, and the memory each adds — measured. */
// Run: pnpm lesson 3 demo processes   (or: npx tsx demos/05-processes-vs-threads.ts)
import { fork } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { median } from '@interleave/lesson-kit/demo';

const REPS = 7;
const COUNT = 4;
// Plain JavaScript bodies (no TypeScript loader), so we measure Node itself.
const dir = mkdtempSync(path.join(tmpdir(), 'interleave-03-'));
const CHILD = path.join(dir, 'child.mjs');
writeFileSync(CHILD, "process.send({ rss: process.memoryUsage().rss }, () => process.disconnect());\n");
const WORKER_CODE = "require('node:worker_threads').parentPort.postMessage('ready');";

function startProcess(): Promise<{ ms: number; rss: number }> {
  const start = performance.now();
  // execArgv: [] — do not inherit tsx's loader: measure a plain Node process.
  const child = fork(CHILD, [], { stdio: 'ignore', execArgv: [] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { rss: number }) => resolve({ ms: performance.now() - start, rss: m.rss }));
    child.once('error', reject);
  });
}

function startWorker(): Promise<{ ms: number; worker: Worker }> {
  const start = performance.now();
  const worker = new Worker(WORKER_CODE, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve({ ms: performance.now() - start, worker }));
    worker.once('error', reject);
  });
}

const proc: number[] = [];
const thread: number[] = [];
const childRss: number[] = [];
for (let rep = 0; rep < REPS; rep++) {
  const p = await startProcess();
  proc.push(p.ms);
  childRss.push(p.rss);
  const t = await startWorker();
  thread.push(t.ms);
  await t.worker.terminate();
}

// Memory: RSS of this process before and after COUNT live workers, vs COUNT processes' own RSS.
globalThis.gc?.();
const before = process.memoryUsage().rss;
const live = await Promise.all(Array.from({ length: COUNT }, startWorker));
const perWorker = (process.memoryUsage().rss - before) / COUNT;
await Promise.all(live.map((l) => l.worker.terminate()));
rmSync(dir, { recursive: true, force: true });

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
console.log(`Starting an empty one until it answers (${REPS} runs each, interleaved; medians):\n`);
console.log('unit                              start-up      memory it adds');
console.log(`child process (fork)            ${median(proc).toFixed(1).padStart(7)} ms   ${mb(median(childRss)).padStart(9)} (its own RSS: a whole Node)`);
console.log(`worker thread (new Worker)      ${median(thread).toFixed(1).padStart(7)} ms   ${mb(perWorker).padStart(9)} (RSS growth per worker, ${COUNT} live)`);
console.log(`\nA worker is a new V8 isolate and event loop inside this process: cheaper to start, and it can`);
console.log('share memory (SharedArrayBuffer). A process shares nothing: safer, costlier, and needed for real');
console.log('isolation (a crash or an out-of-memory kills only it).');
