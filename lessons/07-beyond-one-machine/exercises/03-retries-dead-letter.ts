import type { JobsOptions, Queue, Worker } from 'bullmq';

/** What goes to the dead-letter queue for a job that failed for good. */
export interface DeadLetter {
  jobId: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
}

/**
 * Exercise 3 — retries with backoff, and a dead-letter queue for poison jobs.
 *
 * Some failures pass (a timeout, a service restarting): try again, a little later each time.
 * Some never pass — a *poison* job, whose data the handler can never process. Retrying it
 * forever burns a worker on every attempt; the usual answer is to stop after N attempts and
 * park the job in a dead-letter queue, where a person (or a script) looks at it.
 *
 * 1. `retryOptions(attempts, delayMs)` returns the BullMQ job options for at most `attempts`
 *    runs in total, waiting `delayMs`, then twice that, then four times… between them
 *    (BullMQ's `'exponential'` backoff). `attempts` must be an integer ≥ 1 and `delayMs` a
 *    finite number ≥ 0, else throw a `RangeError` naming it.
 * 2. `sendToDeadLetter(worker, deadLetter)` listens to the worker's `'failed'` event and, when
 *    the job has used up its attempts (`job.attemptsMade >= job.opts.attempts`, where a
 *    missing `attempts` means 1), adds one job to `deadLetter` — same name, data a
 *    {@link DeadLetter} — and nothing for a failure that will still be retried.
 *    Give the dead letter the job id `dead-<id of the failed job>` (BullMQ refuses custom
 *    ids that are plain integers), so a repeated event cannot add it twice.
 *
 * @example
 * ```ts ignore
 * await queue.add('resize', { url }, retryOptions(4, 100)); // runs at most 4 times: waits ≈100, 200, 400 ms
 * sendToDeadLetter(worker, new Queue('resize-dead', { connection }));
 * ```
 */
export function retryOptions(attempts: number, delayMs: number): JobsOptions {
  // TODO: { attempts, backoff: { type: 'exponential', delay: delayMs } } — after checking both.
  throw new Error('Not implemented: retryOptions');
}

export function sendToDeadLetter(worker: Worker, deadLetter: Queue): void {
  // TODO: worker.on('failed', …) — add a DeadLetter to deadLetter only after the last attempt.
  throw new Error('Not implemented: sendToDeadLetter');
}
