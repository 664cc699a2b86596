/** Options of {@link parallelMap}. */
export interface ParallelMapOptions {
  /** How many worker threads at most; an integer ≥ 1. Default `os.availableParallelism()`. */
  workers?: number;
  /** Abort: every worker is terminated and the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Runs `task(input)` for every input on a pool of worker threads and resolves with the
 * outputs in INPUT order. `taskModule` is the `file:` URL (or absolute path) of a module
 * that exports `task`.
 *
 * - start `min(workers, inputs.length)` workers, each with
 *   `createWorker(TASK_RUNNER, { workerData: { module } })` (`createWorker` from
 *   `@interleave/toolkit`, `TASK_RUNNER` and the message shapes from
 *   `../lib/task-protocol.ts`; `module` is the URL as a string);
 * - give each worker one input; whenever a worker answers, give it the next input, so
 *   no worker idles while inputs are left;
 * - a task that throws → reject with that error; abort → reject with `signal.reason`;
 * - in every case terminate all workers before settling — a live worker keeps the
 *   process running;
 * - no inputs → `[]` without starting a worker; `workers` not an integer ≥ 1 →
 *   `RangeError` naming `workers`.
 *
 * A real task module to try it on: `lib/tasks/count-primes.task.ts` —
 * `parallelMap(new URL('../lib/tasks/count-primes.task.ts', import.meta.url), [{ start: 0, end: 1e6 }, { start: 1e6, end: 2e6 }])`
 * resolves to `[78498, 70435]`.
 */
export function parallelMap<I, O>(taskModule: string | URL, inputs: readonly I[], options: ParallelMapOptions = {}): Promise<O[]> {
  // TODO: start the workers, hand out inputs by index, collect { id, ok, output } replies.
  throw new Error('Not implemented: parallelMap');
}
