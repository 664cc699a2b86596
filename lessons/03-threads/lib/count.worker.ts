// Demo worker: after a shared start line, add 1 to a shared counter `times` times, in the
// way named by `mode`, and report how long it took.
import { parentPort, workerData } from 'node:worker_threads';
import { AtomicMutex } from '@interleave/toolkit';
import type { CountJob } from './count-job.ts';

const { mode, times, shared, parties } = workerData as CountJob;
const cells = new Int32Array(shared);
const mutex = new AtomicMutex({ buffer: shared, index: 4 });

// Start line: nobody starts before everybody is ready, so the loops overlap.
Atomics.add(cells, 1, 1);
while (Atomics.load(cells, 1) < parties) {
  // spin: the wait is microseconds once every thread is up
}
const start = performance.now();
if (mode === 'plain') {
  for (let i = 0; i < times; i++) cells[0]!++;
} else if (mode === 'atomic') {
  for (let i = 0; i < times; i++) Atomics.add(cells, 0, 1);
} else if (mode === 'spinlock') {
  for (let i = 0; i < times; i++) {
    while (Atomics.compareExchange(cells, 2, 0, 1) !== 0) {
      // spin until free
    }
    cells[0]!++;
    Atomics.store(cells, 2, 0);
  }
} else {
  for (let i = 0; i < times; i++) {
    mutex.lock();
    cells[0]!++;
    mutex.unlock();
  }
}
parentPort!.postMessage(performance.now() - start);
