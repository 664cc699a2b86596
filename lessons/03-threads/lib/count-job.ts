// Shared between lib/run-count.ts (main thread) and lib/count.worker.ts (worker).
import { AtomicMutex } from '@interleave/toolkit';

export type CountMode = 'plain' | 'atomic' | 'spinlock' | 'mutex';

/** What one counting worker gets as workerData. */
export interface CountJob {
  mode: CountMode;
  /** Rounds, each released for all threads at once by one barrier. */
  rounds: number;
  /** Increments per thread per round. */
  perRound: number;
  /** See the slot constants below; round r counts in Int32 slot `COUNTERS + r`. */
  shared: SharedArrayBuffer;
  parties: number;
}

/** Int32 slots: the barrier's arrivals and generation, the spinlock word, the AtomicMutex (2 slots). */
export const ARRIVED = 0;
export const GENERATION = 1;
export const SPINLOCK = 2;
export const MUTEX = 4;
/** First Int32 slot of the per-round counters. */
export const COUNTERS = MUTEX + AtomicMutex.BYTES / 4;

/** Bytes of `CountJob.shared` for `rounds` rounds. */
export function countBytes(rounds: number): number {
  return (COUNTERS + rounds) * 4;
}
