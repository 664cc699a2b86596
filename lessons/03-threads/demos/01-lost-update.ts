/** A real lost-update race: two threads do counter++ on shared memory; then Atomics.add, a spinlock and a mutex fix it — measured. */
// Run: pnpm lesson 3 demo lost-update   (or: npx tsx demos/01-lost-update.ts)
// Add --write-trace to save traces/lost-update.json (the interleaving that loses an update).
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { renderAscii, Tracer } from '@interleave/toolkit';
import { runCount } from '../lib/run-count.ts';
import type { CountMode } from '../lib/count-job.ts';

const TIMES = 1_000_000;
const REPS = 5;
const MODES: Array<{ mode: CountMode; what: string }> = [
  { mode: 'plain', what: 'counter[0]++ (racy)' },
  { mode: 'atomic', what: 'Atomics.add' },
  { mode: 'spinlock', what: 'spinlock around ++' },
  { mode: 'mutex', what: 'AtomicMutex around ++' },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log(`Two worker threads each add 1 to one shared Int32 ${TIMES.toLocaleString('en')} times (${availableParallelism()} cores, Node ${process.version}).`);
console.log(`Expected total: ${(2 * TIMES).toLocaleString('en')}. ${REPS} runs of each, interleaved; medians.\n`);
const results = new Map<CountMode, { lost: number[]; ms: number[] }>(MODES.map(({ mode }) => [mode, { lost: [], ms: [] }]));
for (let rep = 0; rep < REPS; rep++) {
  for (const { mode } of MODES) {
    const { count, ms } = await runCount(mode, 2, TIMES);
    results.get(mode)!.lost.push(2 * TIMES - count);
    results.get(mode)!.ms.push(ms);
  }
}
console.log('way                        lost updates (median, min–max)        time (median)');
for (const { mode, what } of MODES) {
  const r = results.get(mode)!;
  const lost = `${median(r.lost).toLocaleString('en')} (${Math.min(...r.lost).toLocaleString('en')}–${Math.max(...r.lost).toLocaleString('en')})`;
  console.log(`${what.padEnd(26)} ${lost.padEnd(37)} ${median(r.ms).toFixed(1).padStart(7)} ms`);
}

// How one update gets lost, step by step (a picture, not a measurement: one tick per step).
let now = 0;
const tracer = new Tracer({ clock: () => now, unit: 'tick' });
const step = (lane: string, label: string, ticks = 1, state: 'running' | 'waiting' = 'running'): void => {
  const end = tracer.begin(lane, label, state);
  now += ticks;
  end();
};
step('thread A', 'load 41');
step('thread B', 'load 41');
step('thread A', 'add → 42');
step('thread B', 'add → 42');
step('thread A', 'store 42');
step('thread B', 'store 42 (A’s +1 lost)');
const trace = tracer.toJSON();
trace.title = 'A lost update: two threads run counter++ at once';
trace.description =
  'Thread A and thread B both load 41, both add 1, both store 42. Two increments ran; the counter went up by one. Each step is one tick; on real cores the steps overlap in nanoseconds.';
console.log('\nHow an update is lost (one tick per step):\n');
console.log(renderAscii(trace, { width: 60 }));
if (process.argv.includes('--write-trace')) {
  writeFileSync(new URL('../traces/lost-update.json', import.meta.url), `${JSON.stringify(trace, null, 2)}\n`);
  console.log('wrote traces/lost-update.json');
}
