// A stand-in for the digest worker. A task for `/block…` never returns by itself (it waits
// 30 s on a cell nobody sets) — only terminating the thread stops it (on the main thread it
// returns at once rather than freeze the tests). Any other task
// clears the probe flag and waits up to 3 s for the main thread's timer to set it again:
// in a worker thread the timer fires at once; on the main thread it cannot, because this
// wait blocks the very thread the timer would run on.
import { isMainThread, threadId, workerData } from 'node:worker_threads';
import { defineWorker } from '@interleave/toolkit';
import type { DigestTask } from '../../lib/digest.worker.ts';
import type { Digest } from '../../lib/work.ts';

function flag(): Int32Array {
  const shared = isMainThread ? (globalThis as { probeFlag?: Int32Array }).probeFlag : (workerData as { probeFlag?: Int32Array } | null)?.probeFlag;
  return shared ?? new Int32Array(new SharedArrayBuffer(8));
}

export const digest = defineWorker(async (task: DigestTask): Promise<Digest> => {
  const cells = flag();
  if (task.page.path.startsWith('/block')) {
    if (isMainThread) return { path: task.page.path, digest: 'ran on the main thread', threadId };
    // In the child-process test, tell its server that a worker is now computing.
    if (process.env.PROBE_ORIGIN !== undefined) await (await fetch(`${process.env.PROBE_ORIGIN}/started`)).text();
    Atomics.wait(cells, 1, 0, 30_000);
    return { path: task.page.path, digest: 'unblocked', threadId };
  }
  Atomics.store(cells, 0, 0);
  const outcome = Atomics.wait(cells, 0, 0, 3000);
  return { path: task.page.path, digest: outcome === 'timed-out' ? 'the timer could not fire' : 'the timer fired', threadId };
});
