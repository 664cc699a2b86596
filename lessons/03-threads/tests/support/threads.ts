// Host side of the test workers: start them, collect one answer from each, and make
// sure none outlives the test — even one stuck forever in a lock (the watchdog).
import type { Worker } from 'node:worker_threads';
import { createWorker } from '@interleave/toolkit';
import type { Reply } from './worker-side.ts';

export interface RunOptions {
  /** Every worker must have answered by then, or all are terminated and the run fails. */
  watchdogMs: number;
  /** Said when the watchdog fires: what was probably going on, and what to check. */
  stuck: string;
  /** Called once every worker has started (e.g. to release a lock they wait for). */
  onStarted?: (workers: Worker[]) => void;
  /** Stops the run early (e.g. when the test has already failed): rejects, terminates all. */
  signal?: AbortSignal;
}

/**
 * Runs one worker per entry of `inputs` (each gets it as `workerData.input`, plus the
 * file of the answer under test as `workerData.impl`), and resolves with their answers
 * in order. Rejects with the first error a worker reports — its message kept, so "Not
 * implemented" reads as such — or with `stuck` when the watchdog fires. Every worker is
 * terminated before this settles.
 */
export async function runWorkers<T>(fixture: URL, impl: string, inputs: unknown[], options: RunOptions): Promise<T[]> {
  const workers: Worker[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const answers = inputs.map((input, i) => {
      const worker = createWorker(fixture, { workerData: { impl, input } });
      workers.push(worker);
      return new Promise<T>((resolve, reject) => {
        worker.once('message', (reply: Reply<T>) => {
          if (reply.ok) resolve(reply.value);
          else reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`worker ${i} exited (code ${code}) without answering`)));
      });
    });
    options.onStarted?.(workers);
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${options.stuck} (no answer within ${options.watchdogMs} ms; the test stopped the threads)`)), options.watchdogMs);
    });
    const aborted = new Promise<never>((_, reject) => {
      const { signal } = options;
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    return await Promise.race([Promise.all(answers), watchdog, aborted]);
  } finally {
    clearTimeout(timer);
    // terminate() also interrupts a thread blocked in Atomics.wait or spinning forever.
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
