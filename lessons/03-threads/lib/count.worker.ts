// Demo worker: `rounds` times, wait at a barrier with the other threads, then add 1 to this
// round's shared counter `perRound` times, in the way named by `mode`. Reports the time
// spent counting (the barrier waits left out).
//
// Why rounds: a lost update needs both threads on two cores at the same instant. One long
// run on a busy machine may never get that — one thread can finish before the other is
// scheduled. Releasing both at one barrier, round after round, gives the race many fresh
// chances, and each round's own counter shows which rounds lost updates.
import { parentPort, workerData } from 'node:worker_threads';
import { AtomicMutex } from '@interleave/toolkit';
import { ARRIVED, COUNTERS, GENERATION, MUTEX, SPINLOCK, type CountJob } from './count-job.ts';

const { mode, rounds, perRound, shared, parties } = workerData as CountJob;
const cells = new Int32Array(shared);
const mutex = new AtomicMutex({ buffer: shared, index: MUTEX });

/** All `parties` threads leave together: the last to arrive opens the next generation. */
function barrier(): void {
  const generation = Atomics.load(cells, GENERATION);
  if (Atomics.add(cells, ARRIVED, 1) === parties - 1) {
    Atomics.store(cells, ARRIVED, 0);
    Atomics.add(cells, GENERATION, 1);
    Atomics.notify(cells, GENERATION);
    return;
  }
  // Spin, so both leave within nanoseconds of each other; sleep only if the other thread
  // is plainly not running (a busy machine), and look again every millisecond.
  for (let spins = 0; Atomics.load(cells, GENERATION) === generation; spins++) {
    if (spins > 100_000) Atomics.wait(cells, GENERATION, generation, 1);
  }
}

function count(slot: number): void {
  if (mode === 'plain') {
    for (let i = 0; i < perRound; i++) cells[slot]++;
  } else if (mode === 'atomic') {
    for (let i = 0; i < perRound; i++) Atomics.add(cells, slot, 1);
  } else if (mode === 'spinlock') {
    for (let i = 0; i < perRound; i++) {
      while (Atomics.compareExchange(cells, SPINLOCK, 0, 1) !== 0) {
        // spin until free
      }
      cells[slot]++;
      Atomics.store(cells, SPINLOCK, 0);
    }
  } else {
    for (let i = 0; i < perRound; i++) {
      mutex.lock();
      cells[slot]++;
      mutex.unlock();
    }
  }
}

let ms = 0;
for (let round = 0; round < rounds; round++) {
  barrier();
  const start = performance.now();
  count(COUNTERS + round);
  ms += performance.now() - start;
}
parentPort!.postMessage(ms);
