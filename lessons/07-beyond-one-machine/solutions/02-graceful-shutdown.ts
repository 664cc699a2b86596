import type { Worker } from 'bullmq';

/**
 * Exercise 2 — shut a worker down gracefully on SIGTERM (solution).
 *
 * `worker.close()` marks the worker as closing (so it fetches no further job, not even the
 * one BullMQ would fetch together with finishing the current one) and resolves when the
 * active jobs are done. Only then is it safe to exit.
 */
export function shutDownOnSigterm(worker: Worker, exit: (code: number) => void = (code) => process.exit(code)): void {
  if (typeof (worker as { close?: unknown } | null)?.close !== 'function') {
    throw new TypeError(`shutDownOnSigterm: worker must be a BullMQ Worker (an object with close()), got ${String(worker)}`);
  }
  process.once('SIGTERM', () => {
    worker.close().then(
      () => exit(0),
      (error: unknown) => {
        console.error('closing the worker failed:', error);
        exit(1);
      },
    );
  });
}
