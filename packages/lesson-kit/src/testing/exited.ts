// Proving that what an answer started has stopped: a leaked worker or child keeps the
// test process (and the learner's program) alive.
import type { ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import { until } from './until.ts';

function hasExited(target: Worker | ChildProcess): boolean {
  // A worker's threadId becomes -1 once its thread has stopped; a child has an exit code
  // or a signal once it has.
  return 'threadId' in target ? target.threadId === -1 : target.exitCode !== null || target.signalCode !== null;
}

/**
 * Resolves once `target` (a worker thread or a child process) has exited; rejects after
 * `timeoutMs` with `message` — say what the learner should do.
 *
 * @example
 * ```ts
 * import { exited } from '@interleave/lesson-kit/testing';
 *
 * import { Worker } from 'node:worker_threads';
 *
 * const worker = new Worker('0', { eval: true });
 * await exited(worker, { timeoutMs: 3000, message: 'the worker still runs: call worker.terminate()' });
 * ```
 */
export function exited(target: Worker | ChildProcess, options: { timeoutMs: number; message: string }): Promise<void> {
  if (hasExited(target)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.off('exit', onExit);
      reject(new Error(options.message));
    }, options.timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve();
    };
    target.once('exit', onExit);
  });
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once no process in `pids` exists any more; rejects after `timeoutMs` with
 * `message(survivors)`.
 */
export async function processesGone(pids: readonly number[], options: { timeoutMs: number; message: (survivors: number[]) => string }): Promise<void> {
  let left: number[] = [];
  try {
    await until(() => (left = pids.filter(alive)).length === 0, { timeoutMs: options.timeoutMs, message: 'processes gone', intervalMs: 20 });
  } catch {
    throw new Error(options.message(left));
  }
}
