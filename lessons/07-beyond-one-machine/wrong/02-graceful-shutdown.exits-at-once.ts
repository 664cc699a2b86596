// Wrong: exits the moment SIGTERM arrives. The active job is dropped mid-way: it stays
// "active" until its lock expires, then runs again from the start on another worker.
import type { Worker } from 'bullmq';

export function shutDownOnSigterm(worker: Worker, exit: (code: number) => void = (code) => process.exit(code)): void {
  void worker;
  process.once('SIGTERM', () => exit(0));
}
