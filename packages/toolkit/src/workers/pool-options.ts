/**
 * The options and counters of {@link WorkerPool}, and the check of its limits.
 *
 * @module
 */
import type { ResourceLimits, TransferListItem } from 'node:worker_threads';

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Absolute path or `file:` URL of the worker module (`.ts` included); it calls `defineWorker()`. */
  filename: string | URL;
  /** Most worker threads at once. Default: `os.availableParallelism()`. Workers start on demand. */
  size?: number;
  /**
   * Most tasks waiting for a worker (beyond one per idle or not yet started worker);
   * `run()` past it rejects with `WorkerPoolQueueFullError`. Default: `Infinity`.
   */
  maxQueue?: number;
  /**
   * A task still running this long after it *started* (queue time does not count) is
   * aborted with a `TimeoutError` `DOMException`. Default: `Infinity` (no limit).
   */
  taskTimeoutMs?: number;
  /** A worker idle this long is stopped, to be started again when needed. Default: 30 000 ms. */
  idleTimeoutMs?: number;
  /**
   * After a running task is aborted or times out, how long its worker may take to notice
   * `signal` and return before it is terminated and replaced. Default: 50 ms.
   */
  abortGraceMs?: number;
  /** Heap limits of each worker thread; one that runs out rejects its task with `WorkerExitError`. */
  resourceLimits?: ResourceLimits;
  /** `workerData` of every worker thread (cloned into each). */
  workerData?: unknown;
}

/** Options of {@link WorkerPool.run}. */
export interface WorkerPoolRunOptions {
  /** Aborting removes a queued task, or aborts a running one (terminating its worker if it does not stop). */
  signal?: AbortSignal;
  /** Objects in `input` to move to the worker instead of copying (e.g. `ArrayBuffer`s). */
  transfer?: readonly TransferListItem[];
}

/** A snapshot of a {@link WorkerPool}'s counters. */
export interface WorkerPoolStats {
  /** Tasks that returned a value. */
  completed: number;
  /** Tasks that rejected: threw, aborted, timed out, lost their worker, or were destroyed. */
  failed: number;
  /** Tasks handed to a worker and not settled yet. */
  running: number;
  /** Tasks waiting for a worker. */
  queued: number;
  /** Worker threads alive or starting. */
  workers: number;
  /** Workers started to replace one that crashed or was terminated for an abort or timeout. */
  respawns: number;
}
