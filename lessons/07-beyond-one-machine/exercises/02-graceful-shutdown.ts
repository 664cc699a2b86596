import type { Worker } from 'bullmq';

/**
 * Exercise 2 — shut a worker down gracefully on SIGTERM.
 *
 * A deploy, an autoscaler or `docker stop` ends a worker process with SIGTERM (and, a grace
 * period later, SIGKILL). A worker that just exits drops the job it is running: the job
 * stays "active" until its lock expires, then comes back as stalled and runs again — maybe
 * half-done. A graceful worker instead:
 * - takes no new job from the queue,
 * - lets the job it is running finish (and its result be recorded),
 * - then exits with code 0.
 *
 * BullMQ's `worker.close()` does the first two: it stops fetching and resolves once the
 * active jobs have finished. (`worker.close(true)` is the forced kind: it does not wait.)
 *
 * Install that behaviour: when the process receives SIGTERM, close `worker`, then call
 * `exit(0)`; if closing fails, print the error and call `exit(1)`. `worker` must be an
 * object with a `close` method, else throw a `TypeError` naming it.
 *
 * @example
 * ```ts ignore
 * const worker = new Worker('emails', sendEmail, { connection });
 * shutDownOnSigterm(worker); // later: kill -TERM <pid> → the current email is sent, then exit 0
 * ```
 */
export function shutDownOnSigterm(worker: Worker, exit: (code: number) => void = (code) => process.exit(code)): void {
  // TODO: on SIGTERM, await worker.close() — then exit(0); on an error, exit(1).
  throw new Error('Not implemented: shutDownOnSigterm');
}
