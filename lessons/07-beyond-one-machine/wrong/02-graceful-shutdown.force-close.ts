// Wrong: close(true) is the forced close — it does not wait for the active job.
import type { Worker } from 'bullmq';

export function shutDownOnSigterm(worker: Worker, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.once('SIGTERM', () => {
    worker.close(true).then(() => exit(0), () => exit(1));
  });
}
