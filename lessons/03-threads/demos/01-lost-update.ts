/** A real lost-update race: two threads do counter++ on shared memory, released together round after round; then Atomics.add, a spinlock and a mutex fix it — measured. */
// Run: pnpm lesson 3 demo lost-update   (or: npx tsx demos/01-lost-update.ts)
// Add --write-trace to save traces/lost-update.json (the interleaving that loses an update).
import { availableParallelism, loadavg } from 'node:os';
import { median, timeline, writeTraces } from '@interleave/lesson-kit/demo';
import { Tracer } from '@interleave/toolkit';
import { runCount } from '../lib/run-count.ts';
import type { CountMode } from '../lib/count-job.ts';

const ROUNDS = 20;
const PER_ROUND = 100_000;
const THREADS = 2;
const REPS = 3;
/** The racy way keeps going (more batches of rounds) until it loses an update, or this long. */
const BUDGET_MS = 20_000;
const MODES: Array<{ mode: CountMode; what: string }> = [
  { mode: 'plain', what: 'counter[r]++ (racy)' },
  { mode: 'atomic', what: 'Atomics.add' },
  { mode: 'spinlock', what: 'spinlock around ++' },
  { mode: 'mutex', what: 'AtomicMutex around ++' },
];
const n = (x: number): string => x.toLocaleString('en');
const cores = `${availableParallelism()} core${availableParallelism() === 1 ? '' : 's'}`;
const expected = THREADS * PER_ROUND;
const total = ROUNDS * expected;

interface Batch {
  lost: number;
  roundsWithLoss: number;
  ms: number;
}

async function batch(mode: CountMode): Promise<Batch> {
  const { counts, ms } = await runCount(mode, THREADS, { rounds: ROUNDS, perRound: PER_ROUND });
  return { lost: counts.reduce((sum, c) => sum + (expected - c), 0), roundsWithLoss: counts.filter((c) => c !== expected).length, ms };
}

console.log(`Two worker threads add 1 to a shared Int32: ${ROUNDS} rounds of ${n(PER_ROUND)} each, both released at one barrier`);
console.log(`every round (${cores}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}).`);
console.log(`Expected per batch: ${n(total)}. ${REPS} batches of each way, interleaved.\n`);
const results = new Map<CountMode, Batch[]>(MODES.map(({ mode }) => [mode, []]));
for (let rep = 0; rep < REPS; rep++) {
  for (const { mode } of MODES) results.get(mode)!.push(await batch(mode));
}
// The race needs both threads on two cores at once. On a busy machine that may take more
// rounds: keep going until it shows, within the budget.
const racy = results.get('plain')!;
const started = performance.now();
while (racy.every((b) => b.lost === 0) && performance.now() - started < BUDGET_MS) racy.push(await batch('plain'));

console.log('way                      lost updates, worst batch                 time (median)');
for (const { mode, what } of MODES) {
  const batches = results.get(mode)!;
  const worst = batches.reduce((a, b) => (b.lost > a.lost ? b : a));
  const lost = `${n(worst.lost)} of ${n(total)}` + (worst.lost > 0 ? ` (${worst.roundsWithLoss} of ${ROUNDS} rounds)` : '');
  console.log(`${what.padEnd(24)} ${lost.padEnd(40)} ${median(batches.map((b) => b.ms)).toFixed(1).padStart(7)} ms`);
}
const lostIn = racy.filter((b) => b.lost > 0).length;
if (lostIn > 0) {
  console.log(`\nThe racy way lost updates in ${lostIn} of ${racy.length} batches; the other ways never lose one.`);
} else {
  console.log(
    `\nNo update was lost in ${n(racy.length * ROUNDS)} rounds (${(BUDGET_MS / 1000).toFixed(0)} s). A race needs both threads on two cores at the same\n` +
      `instant; with ${cores} and a load average of ${loadavg()[0]!.toFixed(2)}, other programs may have kept them from it. Run it again when the machine is quieter.`,
  );
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
console.log(timeline(trace, 60));
if (writeTraces(new URL('../traces/', import.meta.url), { 'lost-update': trace }).length > 0) {
  console.log('wrote traces/lost-update.json');
}
