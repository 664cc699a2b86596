import { isMainThread, parentPort } from 'node:worker_threads';
import { OK, READY, THREW, serializeError, type HostMessage } from './worker-protocol.ts';

/** What a task function receives beside its input. */
export interface WorkerTaskContext {
  /**
   * Aborts when the caller aborts this task, when it passes `taskTimeoutMs`, or when the
   * pool is destroyed. A task that checks it stops early and keeps its worker; a task
   * that ignores it is stopped by terminating the worker.
   */
  readonly signal: AbortSignal;
}

/** The task function a worker module hands to {@link defineWorker}. */
export type WorkerTask<I, O> = (input: I, context: WorkerTaskContext) => O | Promise<O>;

/**
 * The thread side of a {@link WorkerPool}: call it once, at the top level of the worker
 * module, with the function that runs each task. Tasks run one at a time in this
 * thread; a thrown error (or rejected promise) rejects that task's `run()` with the same
 * name and message. Returns `fn` unchanged so the module can also export it, and the
 * host can name its types with `typeof`.
 *
 * Outside a worker thread (say, when a test imports the module directly) it only returns `fn`.
 *
 * @example
 * ```ts
 * // square.worker.ts
 * import { defineWorker } from '@interleave/toolkit';
 *
 * export const square = defineWorker((n: number, { signal }) => {
 *   signal.throwIfAborted();
 *   return n * n;
 * });
 * ```
 *
 * @throws {TypeError} if `fn` is not a function.
 * @throws {Error} if called a second time in the same thread.
 */
export function defineWorker<I, O>(fn: WorkerTask<I, O>): WorkerTask<I, O> {
  if (typeof fn !== 'function') {
    throw new TypeError(`defineWorker: fn must be a function, received ${fn === null ? 'null' : typeof fn}`);
  }
  if (isMainThread || parentPort === null) return fn;
  if (defined) throw new Error('defineWorker: called twice in one worker thread; a worker module defines one task function');
  defined = true;
  listen(parentPort, fn as WorkerTask<unknown, unknown>);
  return fn;
}

let defined = false;

/** One task's context; the AbortController is only made if the task reads `signal`. */
class Context implements WorkerTaskContext {
  #controller: AbortController | undefined;
  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }
  abort(reasonName: string): void {
    this.#controller ??= new AbortController();
    this.#controller.abort(
      new DOMException(reasonName === 'TimeoutError' ? 'The task timed out' : 'The task was aborted', reasonName),
    );
  }
}

function listen(port: NonNullable<typeof parentPort>, fn: WorkerTask<unknown, unknown>): void {
  // Tasks the host sent while one was running (it pipelines short tasks). At most a
  // handful, so a plain array is enough.
  const mailbox: [number, unknown][] = [];
  let running = 0; // id of the running task, 0 when idle
  let context: Context | undefined;

  function post(id: number, status: number, value: unknown): void {
    try {
      port.postMessage([id, status, status === THREW ? serializeError(value) : value]);
    } catch (error) {
      // The output could not be cloned (a function, a class instance with a private
      // field...): fail this task with that error rather than losing it.
      port.postMessage([id, THREW, serializeError(error)]);
    }
  }

  function runAll(first: [number, unknown]): void {
    let next: [number, unknown] | undefined = first;
    while (next !== undefined) {
      const id = next[0];
      running = id;
      context = new Context();
      let result: unknown;
      try {
        result = fn(next[1], context);
      } catch (error) {
        post(id, THREW, error);
        next = mailbox.shift();
        continue;
      }
      if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as PromiseLike<unknown>).then(
          (value) => settleAsync(id, OK, value),
          (error: unknown) => settleAsync(id, THREW, error),
        );
        return;
      }
      post(id, OK, result);
      next = mailbox.shift();
    }
    running = 0;
    context = undefined;
  }

  function settleAsync(id: number, status: number, value: unknown): void {
    post(id, status, value);
    const next = mailbox.shift();
    if (next === undefined) {
      running = 0;
      context = undefined;
    } else {
      runAll(next);
    }
  }

  port.on('message', (message: HostMessage) => {
    const id = message[0];
    if (id > 0) {
      if (running === 0) runAll(message as [number, unknown]);
      else mailbox.push(message as [number, unknown]);
      return;
    }
    // An abort: of the running task, or of one still waiting here.
    if (-id === running) {
      context?.abort(message[1] as string);
      return;
    }
    // Still waiting here: drop it, and say so, so the host's view of what runs stays true.
    const index = mailbox.findIndex((entry) => entry[0] === -id);
    if (index !== -1) {
      mailbox.splice(index, 1);
      port.postMessage([-id, THREW, null]);
    }
  });
  // Ready once the rest of the module has run: an error later in the same module
  // should count as a failed start, not as a crash during a task.
  setImmediate(() => port.postMessage([0, READY, null]));
}
