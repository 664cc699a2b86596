// The errors a WorkerPool rejects with, in one catalogue. Each has a stable `name`
// so callers can branch on `error.name` even after the error crossed a thread.

/**
 * A worker thread stopped (it called `process.exit`, ran out of memory under
 * `resourceLimits`, threw outside any task, or was killed) while it was running
 * this task. Only that task rejects; the pool replaces the worker.
 *
 * @example
 * ```ts
 * import { WorkerExitError } from '@interleave/toolkit';
 *
 * const error = new WorkerExitError(1, 7);
 * console.log(error.name, error.exitCode, error.threadId); // WorkerExitError 1 7
 * ```
 */
export class WorkerExitError extends Error {
  override name = 'WorkerExitError';
  /** The worker's exit code (`process.exit(code)`, or 1 after an uncaught error or out of memory). */
  readonly exitCode: number;
  /** The `threadId` of the worker that stopped. */
  readonly threadId: number;
  constructor(exitCode: number, threadId: number, options?: ErrorOptions) {
    const cause = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`worker thread ${threadId} stopped with exit code ${exitCode} while running this task${cause}`, options);
    this.exitCode = exitCode;
    this.threadId = threadId;
  }
}

/**
 * A worker thread failed before it was ready to take tasks (its module threw while
 * loading, or it exited first). `cause` holds the worker's own error.
 *
 * @example
 * ```ts
 * import { WorkerStartError } from '@interleave/toolkit';
 *
 * const error = new WorkerStartError('/tmp/x.worker.ts', { cause: new SyntaxError('bad') });
 * console.log(error.message); // worker /tmp/x.worker.ts failed to start: bad
 * ```
 */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
  constructor(filename: string, options?: ErrorOptions) {
    const cause = options?.cause instanceof Error ? options.cause.message : String(options?.cause ?? 'it exited');
    super(`worker ${filename} failed to start: ${cause}`, options);
  }
}

/**
 * The pool's queue already holds `maxQueue` tasks waiting for a worker: back off and
 * retry, or raise `maxQueue`.
 *
 * @example
 * ```ts
 * import { WorkerPoolQueueFullError } from '@interleave/toolkit';
 *
 * console.log(new WorkerPoolQueueFullError(64).message);
 * ```
 */
export class WorkerPoolQueueFullError extends Error {
  override name = 'WorkerPoolQueueFullError';
  /** The `maxQueue` that was reached. */
  readonly maxQueue: number;
  constructor(maxQueue: number) {
    super(`the worker pool queue is full (maxQueue ${maxQueue} tasks waiting); wait for tasks to finish or raise maxQueue`);
    this.maxQueue = maxQueue;
  }
}

/**
 * The pool was closed or destroyed: `run()` after `close()`/`destroy()`, or a task
 * still pending when `destroy()` was called.
 *
 * @example
 * ```ts
 * import { WorkerPoolClosedError } from '@interleave/toolkit';
 *
 * console.log(new WorkerPoolClosedError('destroyed').message);
 * ```
 */
export class WorkerPoolClosedError extends Error {
  override name = 'WorkerPoolClosedError';
  constructor(how: 'closed' | 'destroyed') {
    super(
      how === 'closed'
        ? 'the worker pool is closed: run() is not accepted after close()'
        : 'the worker pool was destroyed: its pending tasks were rejected and its workers stopped',
    );
  }
}
