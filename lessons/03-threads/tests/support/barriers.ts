// Start lines for the test threads: barriers over shared memory, so the threads' loops
// really overlap. (Loading the answer and replying is the lesson kit's serve().)

/**
 * A start line for `parties` threads: each adds itself to `cells[index]` and sleeps until
 * all have arrived, so their loops really overlap. Throws after `timeoutMs`.
 */
export function arriveAndWait(cells: Int32Array, index: number, parties: number, timeoutMs = 3000): void {
  const deadline = performance.now() + timeoutMs;
  let arrived = Atomics.add(cells, index, 1) + 1;
  if (arrived >= parties) {
    Atomics.notify(cells, index);
    return;
  }
  while (arrived < parties) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`start barrier: only ${arrived} of ${parties} threads arrived within ${timeoutMs} ms`);
    Atomics.wait(cells, index, arrived, left);
    arrived = Atomics.load(cells, index);
  }
}

/**
 * A start line for round `round` (0, 1, 2 …) of `parties` threads that are already running.
 * It spins first, so when both threads are on a core they leave within a fraction of a
 * microsecond of each other and the round really overlaps; after a few thousand spins it
 * sleeps in short waits instead, so a thread waiting for a descheduled peer gives the core
 * back. `cells[index]` counts every arrival ever.
 */
export function spinBarrier(cells: Int32Array, index: number, parties: number, round: number, timeoutMs = 3000): void {
  const target = parties * (round + 1);
  let seen = Atomics.add(cells, index, 1) + 1;
  if (seen >= target) {
    Atomics.notify(cells, index);
    return;
  }
  for (let spins = 0; spins < 20_000 && seen < target; spins++) seen = Atomics.load(cells, index);
  const deadline = performance.now() + timeoutMs;
  while (seen < target) {
    if (performance.now() > deadline) {
      throw new Error(`barrier round ${round}: the other thread did not arrive within ${timeoutMs} ms`);
    }
    Atomics.wait(cells, index, seen, 1);
    seen = Atomics.load(cells, index);
  }
}
