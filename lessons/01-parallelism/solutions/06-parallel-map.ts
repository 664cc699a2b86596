import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { createWorker } from '@interleave/toolkit';
import { TASK_RUNNER, type TaskReply, type TaskRunnerData } from '../lib/task-protocol.ts';

/** Options of {@link parallelMap}. */
export interface ParallelMapOptions {
  /** How many worker threads at most; an integer ≥ 1. Default `os.availableParallelism()`. */
  workers?: number;
  /** Abort: every worker is terminated and the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Runs `task(input)` for every input on a pool of worker threads and resolves with the
 * outputs in INPUT order. `taskModule` is the `file:` URL (or absolute path) of a module
 * that exports `task`.
 *
 * - start `min(workers, inputs.length)` workers, each with
 *   `createWorker(TASK_RUNNER, { workerData: { module } })` (`createWorker` from
 *   `@interleave/toolkit`, `TASK_RUNNER` and the message shapes from
 *   `../lib/task-protocol.ts`; `module` is the URL as a string);
 * - give each worker one input; whenever a worker answers, give it the next input, so
 *   no worker idles while inputs are left;
 * - a task that throws → reject with that error; abort → reject with `signal.reason`;
 * - in every case terminate all workers before settling — a live worker keeps the
 *   process running;
 * - no inputs → `[]` without starting a worker; `workers` not an integer ≥ 1 →
 *   `RangeError` naming `workers`.
 *
 * A real task module to try it on: `lib/tasks/count-primes.task.ts` —
 * `parallelMap(new URL('../lib/tasks/count-primes.task.ts', import.meta.url), [{ start: 0, end: 1e6 }, { start: 1e6, end: 2e6 }])`
 * resolves to `[78498, 70435]`.
 */
export function parallelMap<I, O>(taskModule: string | URL, inputs: readonly I[], options: ParallelMapOptions = {}): Promise<O[]> {
  const { workers = os.availableParallelism(), signal } = options;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1) {
    return Promise.reject(new RangeError(`parallelMap: workers must be an integer ≥ 1, received ${String(workers)}`));
  }
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (inputs.length === 0) return Promise.resolve([]);
  const module = typeof taskModule === 'string' && !taskModule.startsWith('file:') ? pathToFileURL(taskModule).href : String(taskModule);

  return new Promise<O[]>((resolve, reject) => {
    const outputs = new Array<O>(inputs.length);
    const pool: Worker[] = [];
    let next = 0; // index of the next input to hand out
    let done = 0; // answers received
    let settled = false;

    // One exit for every outcome: stop all threads, drop the abort listener, settle once.
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const worker of pool) {
        worker.removeAllListeners();
        // Swallow a late 'error' from a thread that is being stopped.
        worker.on('error', () => {});
        void worker.terminate();
      }
      settle();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });

    // Dynamic hand-out: a worker gets its next input only when it is free. Fast and slow
    // inputs balance themselves — no worker sits idle while inputs are left. Each input
    // carries its index as `id`, so answers can arrive in any order and still land in
    // the right slot.
    const feed = (worker: Worker): void => {
      if (next < inputs.length) {
        const id = next++;
        worker.postMessage({ id, input: inputs[id] });
      }
    };

    const size = Math.min(workers, inputs.length);
    for (let i = 0; i < size; i++) {
      const data: TaskRunnerData = { module };
      const worker = createWorker(TASK_RUNNER, { workerData: data });
      pool.push(worker);
      worker.on('message', (reply: TaskReply<O>) => {
        if (!reply.ok) return finish(() => reject(reply.error));
        outputs[reply.id] = reply.output;
        done++;
        if (done === inputs.length) return finish(() => resolve(outputs));
        feed(worker);
      });
      worker.on('error', (error) => finish(() => reject(error)));
      worker.on('exit', (code) => finish(() => reject(new Error(`parallelMap: a worker exited with code ${code} before all inputs were done`))));
      // Every worker starts at once, and each gets work right away: this is where the
      // parallelism comes from — several threads, each busy at the same time.
      feed(worker);
    }
  });
}
