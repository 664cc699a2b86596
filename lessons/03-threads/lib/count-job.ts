// Shared between lib/run-count.ts (main thread) and lib/count.worker.ts (worker).
import { AtomicMutex } from '@interleave/toolkit';

export type CountMode = 'plain' | 'atomic' | 'spinlock' | 'mutex';

/** What one counting worker gets as workerData. */
export interface CountJob {
  mode: CountMode;
  times: number;
  /** Int32 slots: 0 counter, 1 start line, 2 spinlock word, 3 spare; then an AtomicMutex. */
  shared: SharedArrayBuffer;
  parties: number;
}

/** Bytes of `CountJob.shared`. */
export const COUNT_BYTES: number = 4 * 4 + AtomicMutex.BYTES;
