// Wrong: dead-letters on every failure, including the ones that will still be retried.
import type { JobsOptions, Queue, Worker } from 'bullmq';

export interface DeadLetter {
  jobId: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
}

export function retryOptions(attempts: number, delayMs: number): JobsOptions {
  return { attempts, backoff: { type: 'exponential', delay: delayMs } };
}

export function sendToDeadLetter(worker: Worker, deadLetter: Queue): void {
  worker.on('failed', (job, error) => {
    if (!job) return;
    const letter: DeadLetter = { jobId: job.id!, data: job.data, failedReason: error.message, attemptsMade: job.attemptsMade };
    void deadLetter.add(job.name, letter);
  });
}
