// Wrong: waits for the running job to complete, but keeps the worker open meanwhile.
// Finishing a job in BullMQ also fetches the next one, so by the time this exits it has
// taken a new job — which it then drops.
import type { Worker } from 'bullmq';

export function shutDownOnSigterm(worker: Worker, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.once('SIGTERM', () => {
    worker.once('completed', () => setImmediate(() => exit(0)));
  });
}
