import type { JobsOptions, Queue, Worker } from 'bullmq';

/** What goes to the dead-letter queue for a job that failed for good. */
export interface DeadLetter {
  jobId: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
}

/**
 * Exercise 3 — retries with backoff and a dead-letter queue (solution).
 *
 * BullMQ does the retrying: a failed job with attempts left goes to the "delayed" set and
 * comes back after the backoff. What it does not do is keep the poison jobs somewhere a
 * person will look: the 'failed' event with no attempts left is the moment to do that.
 */
export function retryOptions(attempts: number, delayMs: number): JobsOptions {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`retryOptions: attempts must be an integer ≥ 1, got ${attempts}`);
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`retryOptions: delayMs must be a finite number ≥ 0, got ${delayMs}`);
  return { attempts, backoff: { type: 'exponential', delay: delayMs } };
}

export function sendToDeadLetter(worker: Worker, deadLetter: Queue): void {
  if (typeof (worker as { on?: unknown } | null)?.on !== 'function') throw new TypeError(`sendToDeadLetter: worker must be a BullMQ Worker, got ${String(worker)}`);
  worker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return; // it will be retried
    const letter: DeadLetter = { jobId: job.id!, data: job.data, failedReason: error.message, attemptsMade: job.attemptsMade };
    deadLetter.add(job.name, letter, { jobId: `dead-${job.id}` }).catch((e: unknown) => console.error('could not dead-letter job', job.id, e));
  });
}
