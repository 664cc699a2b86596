/**
 * Private: the host side's bookkeeping of one task and one worker thread of a
 * {@link WorkerPool}. The thread side is `define-worker.ts`; the messages between them are
 * `worker-protocol.ts`.
 *
 * @module
 */
import type { TransferListItem, Worker } from 'node:worker_threads';
import type { WorkerPoolRunOptions } from './pool-options.ts';

export const QUEUED = 0;
export const SENT = 1;
export const SETTLED = 2;
/** Short tasks are pipelined: up to this many are sent to a worker at once, so it never waits for the next. */
export const PIPELINE_DEPTH = 8;
/** Tasks shorter than this (moving average, ms) are pipelined; longer ones go one at a time for balance. */
export const PIPELINE_BELOW_MS = 1;

export class Task {
  id: number;
  input: unknown;
  transfer: readonly TransferListItem[] | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined = undefined;
  resolve!: (value: unknown) => void;
  reject!: (reason: unknown) => void;
  state = QUEUED;
  slot: Slot | undefined = undefined;
  startedAt = 0;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  constructor(id: number, input: unknown, options: WorkerPoolRunOptions | undefined) {
    this.id = id;
    this.input = input;
    this.transfer = options?.transfer;
    this.signal = options?.signal;
  }
}

export class Slot {
  worker: Worker;
  threadId: number;
  ready = false;
  /** Being stopped on purpose (idle, close, destroy, abort): its exit is not a crash. */
  retiring = false;
  /** Tasks sent to this worker, in the order it runs them; the first is running. */
  inflight: Task[] = [];
  idleSince = performance.now();
  lastError: unknown = undefined;
  grace: ReturnType<typeof setTimeout> | undefined = undefined;
  constructor(worker: Worker) {
    this.worker = worker;
    this.threadId = worker.threadId;
  }
}

