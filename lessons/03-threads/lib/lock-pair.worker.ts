// Demo worker: take two AtomicMutex locks in the given order (with a timeout, so a deadlock
// ends), hold both for a moment, release; report what happened as trace spans.
import { parentPort, workerData } from 'node:worker_threads';
import type { Span } from '@interleave/toolkit';
import { AtomicMutex } from '@interleave/toolkit';

interface Job {
  name: string;
  locks: SharedArrayBuffer;
  meet: SharedArrayBuffer;
  order: [number, number];
  origin: number;
  timeoutMs: number;
}
const { name, locks, meet, order, origin, timeoutMs } = workerData as Job;
const LETTER = ['A', 'B'];
const mutexes = [0, 1].map((i) => new AtomicMutex({ buffer: locks, index: 2 * i }));
const meeting = new Int32Array(meet);
const spans: Span[] = [];
const now = (): number => Math.round((performance.timeOrigin + performance.now() - origin) * 10) / 10;

function take(i: number, holding: string): boolean {
  const start = now();
  const wait = `${holding}wait for ${LETTER[i]}`;
  try {
    mutexes[i]!.lock({ timeoutMs });
    if (now() - start >= 0.5) spans.push({ lane: name, label: wait, start, end: now(), state: 'waiting' });
    return true;
  } catch {
    spans.push({ lane: name, label: `${wait} — gave up`, start, end: now(), state: 'waiting' });
    return false;
  }
}

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // work while holding the locks
  }
}

// Start line (slot 1): worker start-up takes tens of ms; begin only when both are up.
Atomics.add(meeting, 1, 1);
Atomics.notify(meeting, 1);
for (let seen = Atomics.load(meeting, 1); seen < 2; seen = Atomics.load(meeting, 1)) Atomics.wait(meeting, 1, seen, 5000);

const [first, second] = order;
let deadlocked = false;
if (take(first, '')) {
  const held = now();
  // Both threads meet here (at most 100 ms) — the worst moment for a bad lock order.
  Atomics.add(meeting, 0, 1);
  Atomics.notify(meeting, 0);
  const until = performance.now() + 100;
  let seen: number;
  while ((seen = Atomics.load(meeting, 0)) < 2 && performance.now() < until) Atomics.wait(meeting, 0, seen, until - performance.now());
  spans.push({ lane: name, label: `hold ${LETTER[first]}`, start: held, end: now(), state: 'running' });
  if (take(second, `hold ${LETTER[first]}, `)) {
    const both = now();
    busy(20);
    spans.push({ lane: name, label: `hold ${LETTER[first]}+${LETTER[second]}`, start: both, end: now(), state: 'running' });
    mutexes[second]!.unlock();
  } else {
    deadlocked = true;
  }
  mutexes[first]!.unlock();
}
parentPort!.postMessage({ spans, deadlocked });
