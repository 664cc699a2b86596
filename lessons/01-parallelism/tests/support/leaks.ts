// Test helper: did the answer stop everything it started? A leaked worker or child keeps
// the process alive. The waiting is the lesson kit's; the words are this lesson's.
import type { Worker } from 'node:worker_threads';
import { exited, processesGone } from '@interleave/lesson-kit/testing';

/** Resolves once `worker` has exited; fails after `ms` with a message saying what to do. */
export function workerStopped(worker: Worker, ms: number, what: string): Promise<void> {
  return exited(worker, {
    timeoutMs: ms,
    message: `a worker was still running ${ms} ms after ${what}: call worker.terminate() on every worker you start, on success and on failure`,
  });
}

/** Resolves once every pid is gone; fails after `ms` naming the survivors. */
export function childrenGone(pids: number[], ms: number, what: string): Promise<void> {
  return processesGone(pids, {
    timeoutMs: ms,
    message: (left) => `child process(es) ${left.join(', ')} still running ${ms} ms after ${what}: kill (or disconnect) every child you fork, on success and on failure`,
  });
}
