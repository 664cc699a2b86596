// Wrong: retries without a limit. A poison job never stops failing, so it never stops
// running — and never reaches the dead-letter queue.
import type { JobsOptions, Queue, Worker } from 'bullmq';

export interface DeadLetter {
  jobId: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
}

export function retryOptions(attempts: number, delayMs: number): JobsOptions {
  void attempts;
  return { attempts: Number.MAX_SAFE_INTEGER, backoff: { type: 'exponential', delay: delayMs } };
}

export function sendToDeadLetter(worker: Worker, deadLetter: Queue): void {
  if (typeof (worker as { on?: unknown } | null)?.on !== 'function') throw new TypeError(`sendToDeadLetter: worker must be a BullMQ Worker, got ${String(worker)}`);
  worker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return; // it will be retried
    const letter: DeadLetter = { jobId: job.id!, data: job.data, failedReason: error.message, attemptsMade: job.attemptsMade };
    deadLetter.add(job.name, letter, { jobId: `dead-${job.id}` }).catch((e: unknown) => console.error('could not dead-letter job', job.id, e));
  });
}
