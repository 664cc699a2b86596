// Wrong: retries at once, with no backoff: a struggling service gets hammered.
import type { JobsOptions, Queue, Worker } from 'bullmq';

export interface DeadLetter {
  jobId: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
}

export function retryOptions(attempts: number, delayMs: number): JobsOptions {
  void delayMs;
  return { attempts };
}

export function sendToDeadLetter(worker: Worker, deadLetter: Queue): void {
  if (typeof (worker as { on?: unknown } | null)?.on !== 'function') throw new TypeError(`sendToDeadLetter: worker must be a BullMQ Worker, got ${String(worker)}`);
  worker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return; // it will be retried
    const letter: DeadLetter = { jobId: job.id!, data: job.data, failedReason: error.message, attemptsMade: job.attemptsMade };
    deadLetter.add(job.name, letter, { jobId: `dead-${job.id}` }).catch((e: unknown) => console.error('could not dead-letter job', job.id, e));
  });
}
