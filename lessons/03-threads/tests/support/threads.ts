// Host side of the test workers: start them, collect one answer from each, and make
// sure none outlives the test — even one stuck forever in a lock (the watchdog).
import type { Worker } from 'node:worker_threads';
import { createWorker } from '@interleave/toolkit';
import type { Ready, Reply } from './worker-side.ts';

/**
 * How long the workers may take to start and load the answer (tsx compiles it; on a busy
 * 2-core machine that can take seconds). Start-up is not part of `watchdogMs`.
 */
const STARTUP_MS = 8000;

export interface RunOptions {
  /**
   * Once every worker has loaded the answer, each must have answered within this many ms,
   * or all are terminated and the run fails.
   */
  watchdogMs: number;
  /** Said when the watchdog fires: what was probably going on, and what to check. */
  stuck: string;
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
  let over = false;
  try {
    const loaded: Promise<void>[] = [];
    const answers = inputs.map((input, i) => {
      const worker = createWorker(fixture, { workerData: { impl, input } });
      workers.push(worker);
      let ready!: () => void;
      loaded.push(new Promise<void>((resolve) => (ready = resolve)));
      return new Promise<T>((resolve, reject) => {
        worker.on('message', (message: Reply<T> | Ready) => {
          if ('ready' in message) return ready();
          ready(); // an answer also means it loaded
          if (message.ok) resolve(message.value);
          else reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`worker ${i} exited (code ${code}) without answering`)));
      });
    });
    // Every worker loads the answer, then all get "go" at once (see serve()); the watchdog
    // counts from there, so a slow start-up is never mistaken for a stuck answer. Start-up
    // has its own, generous, limit.
    const watchdog = new Promise<never>((_, reject) => {
      const stuck = () => reject(new Error(`${options.stuck} (no answer within ${options.watchdogMs} ms; the test stopped the threads)`));
      const slow = () => reject(new Error(`the test's worker threads did not start within ${STARTUP_MS} ms (is the machine very busy?)`));
      timer = setTimeout(slow, STARTUP_MS);
      void Promise.all(loaded).then(() => {
        if (over) return;
        clearTimeout(timer);
        timer = setTimeout(stuck, options.watchdogMs);
        for (const worker of workers) worker.postMessage('go');
      });
    });
    const aborted = new Promise<never>((_, reject) => {
      const { signal } = options;
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    return await Promise.race([Promise.all(answers), watchdog, aborted]);
  } finally {
    over = true;
    clearTimeout(timer);
    // terminate() also interrupts a thread blocked in Atomics.wait or spinning forever.
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
