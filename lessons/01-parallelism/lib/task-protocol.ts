/**
 * The messages between a parent thread and `lib/task-runner.ts`.
 *
 * Start the runner with `createWorker(TASK_RUNNER, { workerData: { module } })` where
 * `module` is the `file:` URL (as a string) of a module that exports
 * `task(input) => output | Promise<output>`. Then post `{ id, input }` messages; for each
 * the worker posts back exactly one `{ id, ok: true, output }` or `{ id, ok: false, error }`.
 * One worker runs one task at a time: the next message waits until the current task ends.
 *
 * @example
 * ```ts
 * import { createWorker } from '@interleave/toolkit';
 * import { TASK_RUNNER, type TaskReply } from '../lib/task-protocol.ts';
 *
 * const module = new URL('../lib/tasks/count-primes.task.ts', import.meta.url).href;
 * const worker = createWorker(TASK_RUNNER, { workerData: { module } });
 * worker.once('message', (reply: TaskReply<number>) => {
 *   if (reply.ok) console.log(reply.output); // 25
 *   void worker.terminate();
 * });
 * worker.postMessage({ id: 0, input: { start: 0, end: 100 } });
 * ```
 */
export const TASK_RUNNER: URL = new URL('./task-runner.ts', import.meta.url);

/** What the runner's `workerData` must be. */
export interface TaskRunnerData {
  /** `file:` URL of a module that exports `task`. */
  module: string;
}

/** Parent → worker: run `task(input)` and answer with the same `id`. */
export interface TaskRequest<I = unknown> {
  id: number;
  input: I;
}

/** Worker → parent: the outcome of one request. `error` is the thrown value, cloned. */
export type TaskReply<O = unknown> = { id: number; ok: true; output: O } | { id: number; ok: false; error: unknown };
