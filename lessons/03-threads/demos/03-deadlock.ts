/** Deadlock: two threads take two locks in opposite order and wait for each other (ended by a timeout); one global order fixes it. */
// Run: pnpm lesson 3 demo deadlock   (or: npx tsx demos/03-deadlock.ts)
// Add --write-trace to save traces/deadlock.json and traces/lock-order.json.
import { timeline, writeTraces } from '@interleave/lesson-kit/demo';
import { AtomicMutex, createWorker, type Span, type Trace } from '@interleave/toolkit';

const TIMEOUT_MS = 500;

async function run(orders: Array<[number, number]>): Promise<{ spans: Span[]; deadlocked: boolean[]; ms: number }> {
  const locks = new SharedArrayBuffer(2 * AtomicMutex.BYTES);
  const meet = new SharedArrayBuffer(2 * 4);
  const origin = performance.timeOrigin + performance.now();
  const workers = orders.map((order, i) =>
    createWorker(new URL('../lib/lock-pair.worker.ts', import.meta.url), {
      workerData: { name: `thread ${i + 1}`, locks, meet, order, origin, timeoutMs: TIMEOUT_MS },
    }),
  );
  try {
    const replies = await Promise.all(
      workers.map((w) => new Promise<{ spans: Span[]; deadlocked: boolean }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
    const spans = replies.flatMap((r) => r.spans);
    const t0 = Math.min(...spans.map((s) => s.start));
    for (const s of spans) {
      s.start = Math.round((s.start - t0) * 10) / 10;
      s.end = Math.round((s.end - t0) * 10) / 10;
    }
    return { spans, deadlocked: replies.map((r) => r.deadlocked), ms: Math.max(...spans.map((s) => s.end)) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const bad = await run([
  [0, 1],
  [1, 0],
]);
const good = await run([
  [0, 1],
  [0, 1],
]);

console.log(`Thread 1 moves money A → B, thread 2 moves B → A. Each takes its first lock, then meets the other.\n`);
console.log('lock order                          deadlocked?             finished after');
const verdict = (r: { deadlocked: boolean[] }): string => (r.deadlocked.some(Boolean) ? `yes: gave up after ${TIMEOUT_MS} ms` : 'no');
console.log(`from first, then to (1: A,B  2: B,A)  ${verdict(bad).padEnd(23)} ${bad.ms.toFixed(1)} ms`);
console.log(`lower letter first  (1: A,B  2: A,B)  ${verdict(good).padEnd(23)} ${good.ms.toFixed(1)} ms\n`);

const deadlock: Trace = {
  title: 'Deadlock: two threads, two locks, opposite order',
  description: `Measured. Thread 1 holds A and waits for B; thread 2 holds B and waits for A. Neither can move; both give up after the ${TIMEOUT_MS} ms timeout (without one, they would wait forever).`,
  unit: 'ms',
  spans: bad.spans,
};
const ordered: Trace = {
  title: 'Lock ordering: both threads take A first',
  description: 'Measured. Thread 2 waits for A while thread 1 holds A and B; when thread 1 releases, A is handed to thread 2. No cycle, no deadlock.',
  unit: 'ms',
  spans: good.spans,
};
console.log(timeline(deadlock, 64));
console.log();
console.log(timeline(ordered, 64));
if (writeTraces(new URL('../traces/', import.meta.url), { deadlock, 'lock-order': ordered }).length > 0) {
  console.log('\nwrote traces/deadlock.json and traces/lock-order.json');
}
