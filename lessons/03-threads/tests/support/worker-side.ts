// Worker side of the test workers: load the answer under test, run one scenario, post
// exactly one reply. Errors travel as { name, message } so the test can re-throw them.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };
/** Posted once the answer under test is loaded; the scenario runs after the host's "go". */
export interface Ready {
  ready: true;
}

/** Runs `scenario(impl, input)` in this worker and posts its result (or its error). */
export async function serve<M, I, T>(scenario: (impl: M, input: I) => T | Promise<T>): Promise<void> {
  if (!parentPort) throw new Error('worker-side.ts: run this module in a worker thread');
  const { impl, input } = workerData as { impl: string; input: I };
  let reply: Reply<T>;
  try {
    const loaded = (await import(pathToFileURL(impl).href)) as M;
    // Start together: say "loaded", then wait for the host's "go", which it sends to every
    // worker once all have loaded. So no time limit inside a scenario counts a peer's start-up.
    const go = new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
    parentPort.postMessage({ ready: true } satisfies Ready);
    await go;
    reply = { ok: true, value: await scenario(loaded, input) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, error: { name: e.name, message: e.message } };
  }
  parentPort.postMessage(reply);
}

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
