/**
 * The host side of a pool of worker threads: queueing, dispatch (with pipelining of short
 * tasks), crash recovery, cancellation and shutdown. Each thread runs `defineWorker()`.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { Deque } from '../internal/deque.ts';
import { checkCount, checkMs } from '../internal/check.ts';
import { createWorker } from './create-worker.ts';
import type { WorkerPoolOptions, WorkerPoolRunOptions, WorkerPoolStats } from './pool-options.ts';
import { PIPELINE_BELOW_MS, PIPELINE_DEPTH, QUEUED, SENT, SETTLED, Slot, Task } from './pool-task.ts';
import { WorkerExitError, WorkerPoolClosedError, WorkerPoolQueueFullError, WorkerStartError } from './worker-errors.ts';
import { READY, OK, deserializeError, type WorkerMessage } from './worker-protocol.ts';

export type { WorkerPoolOptions, WorkerPoolRunOptions, WorkerPoolStats } from './pool-options.ts';

/**
 * A pool of `worker_threads` that runs tasks defined with {@link defineWorker}, and
 * that survives its workers: a task that throws rejects with its error; a worker that
 * exits, runs out of memory or is killed rejects only the task it was running (with a
 * `WorkerExitError`) and is replaced while the queue carries on; `signal` removes a
 * queued task or stops a running one; `taskTimeoutMs` bounds each task from its start.
 * Idle workers do not keep the process alive, and after `close()` nothing is left.
 *
 * @example
 * ```ts
 * import { WorkerPool } from '@interleave/toolkit';
 *
 * // square.worker.ts: defineWorker((n: number) => n * n)
 * await using pool = new WorkerPool<number, number>({ filename: new URL('./square.worker.ts', import.meta.url) });
 * const squares = await Promise.all([1, 2, 3].map((n) => pool.run(n)));
 * console.log(squares, pool.stats.completed); // [1, 4, 9] 3
 * ```
 */
export class WorkerPool<I = unknown, O = unknown> {
  #filename: string;
  #size: number;
  #maxQueue: number;
  #taskTimeoutMs: number;
  #idleTimeoutMs: number;
  #abortGraceMs: number;
  #resourceLimits: ResourceLimits | undefined;
  #workerData: unknown;

  #queue = new Deque<Task>();
  /** Tasks in #queue that are still waiting (aborted ones are skipped lazily). */
  #queued = 0;
  #running = 0;
  #slots: Slot[] = [];
  #nextId = 1;
  #completed = 0;
  #failed = 0;
  #respawns = 0;
  /** Workers lost to a crash or an abort that a new worker replaces. */
  #toReplace = 0;
  /** Moving average of task duration, ms; Infinity until measured. */
  #averageMs = Number.POSITIVE_INFINITY;
  #startFailures = 0;
  #backoffUntil = 0;
  #backoffTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  #idleSweep: ReturnType<typeof setInterval> | undefined = undefined;

  #state: 'open' | 'closing' | 'destroyed' = 'open';
  #stopped: Promise<void> | undefined = undefined;
  #resolveStopped: (() => void) | undefined = undefined;

  constructor(options: WorkerPoolOptions) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`WorkerPool: options must be an object with a filename, received ${String(options)}`);
    }
    const { filename } = options;
    if (filename instanceof URL) this.#filename = fileURLToPath(filename);
    else if (typeof filename === 'string' && filename !== '') {
      this.#filename = filename.startsWith('file:') ? fileURLToPath(filename) : filename;
    } else {
      throw new TypeError(`WorkerPool: options.filename must be a path or file: URL, received ${String(filename)}`);
    }
    if (!isAbsolute(this.#filename)) {
      throw new TypeError(
        `WorkerPool: options.filename must be absolute, received ${JSON.stringify(filename)}; use new URL('./x.worker.ts', import.meta.url)`,
      );
    }
    this.#size = checkCount('WorkerPool', 'options.size', options.size ?? availableParallelism(), { min: 1 });
    this.#maxQueue = checkCount('WorkerPool', 'options.maxQueue', options.maxQueue ?? Infinity, { infinity: true });
    // Times follow the package rule: 0 … 2**31 - 1 ms (a Node timer's range), or Infinity for "never".
    this.#taskTimeoutMs = checkMs('WorkerPool', 'options.taskTimeoutMs', options.taskTimeoutMs ?? Infinity, { min: 1, infinity: true });
    this.#idleTimeoutMs = checkMs('WorkerPool', 'options.idleTimeoutMs', options.idleTimeoutMs ?? 30_000, { min: 1, infinity: true });
    this.#abortGraceMs = checkMs('WorkerPool', 'options.abortGraceMs', options.abortGraceMs ?? 50, { infinity: true });
    this.#resourceLimits = options.resourceLimits;
    this.#workerData = options.workerData;
  }

  /** Counters of this pool, as of now. */
  get stats(): WorkerPoolStats {
    return {
      completed: this.#completed,
      failed: this.#failed,
      running: this.#running,
      queued: this.#queued,
      workers: this.#slots.length,
      respawns: this.#respawns,
    };
  }

  /** The most worker threads this pool runs at once. */
  get size(): number {
    return this.#size;
  }

  /**
   * Runs one task on a worker and resolves with what the worker's function returned.
   * Rejects with the task's own error, `signal.reason`, a `TimeoutError` `DOMException`,
   * `WorkerExitError`, `WorkerStartError`, `WorkerPoolQueueFullError` or `WorkerPoolClosedError`.
   */
  run(input: I, options?: WorkerPoolRunOptions): Promise<O> {
    if (this.#state !== 'open') {
      return Promise.reject(new WorkerPoolClosedError(this.#state === 'closing' ? 'closed' : 'destroyed'));
    }
    const signal = options?.signal;
    if (signal !== undefined) {
      if (!(signal instanceof AbortSignal)) {
        return Promise.reject(new TypeError(`WorkerPool.run: options.signal must be an AbortSignal, received ${String(signal)}`));
      }
      if (signal.aborted) return Promise.reject(signal.reason);
    }
    if (this.#queued >= this.#maxQueue + this.#spareWorkers()) {
      return Promise.reject(new WorkerPoolQueueFullError(this.#maxQueue));
    }
    const task = new Task(this.#nextId++, input, options);
    const promise = new Promise<O>((resolve, reject) => {
      task.resolve = resolve as (value: unknown) => void;
      task.reject = reject;
    });
    if (signal !== undefined) {
      task.onAbort = () => this.#abort(task, signal.reason);
      signal.addEventListener('abort', task.onAbort, { once: true });
    }
    this.#queue.push(task);
    this.#queued++;
    this.#dispatch();
    return promise;
  }

  /**
   * Stops accepting tasks, lets every queued and running task finish, then stops the
   * workers. Resolves when they have exited; calling it again, or after `destroy()`, is
   * harmless. Pass `signal` to cut it short: on abort the pool is destroyed.
   */
  close(options?: { signal?: AbortSignal }): Promise<void> {
    if (this.#state === 'open') {
      this.#state = 'closing';
      this.#stopped = new Promise((resolve) => (this.#resolveStopped = resolve));
      const signal = options?.signal;
      if (signal !== undefined) {
        if (signal.aborted) void this.destroy();
        else signal.addEventListener('abort', () => void this.destroy(), { once: true });
      }
      this.#checkDrained();
    }
    return this.#stopped ?? Promise.resolve();
  }

  /**
   * Stops now: rejects every queued and running task with `WorkerPoolClosedError` and
   * terminates the workers. Resolves when they have exited; idempotent.
   */
  destroy(): Promise<void> {
    if (this.#state === 'destroyed') return this.#stopped ?? Promise.resolve();
    this.#state = 'destroyed';
    this.#stopped ??= new Promise((resolve) => (this.#resolveStopped = resolve));
    const error = new WorkerPoolClosedError('destroyed');
    while (this.#queue.size > 0) {
      const task = this.#queue.shift();
      if (task.state === QUEUED) this.#settle(task, false, error);
    }
    this.#queued = 0;
    for (const slot of [...this.#slots]) {
      for (const task of slot.inflight) if (task.state !== SETTLED) this.#settle(task, false, error);
      slot.inflight.length = 0;
      this.#retire(slot);
    }
    this.#finishIfStopped();
    return this.#stopped;
  }

  /** `await using pool = new WorkerPool(...)` closes the pool (finishing its work) at scope exit. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  // ---- dispatch ----------------------------------------------------------------

  /** Workers that could take a task at once: idle ones and ones not started yet. */
  #spareWorkers(): number {
    let busy = 0;
    for (const slot of this.#slots) if (slot.inflight.length > 0) busy++;
    return this.#size - busy;
  }

  #dispatch(): void {
    while (this.#queued > 0) {
      // A task that transfers its input cannot be re-sent if its worker dies before
      // starting it (the input is gone from this thread), so it is never sent ahead.
      const slot = this.#pickSlot(this.#queue.peek()!.transfer === undefined);
      if (slot === undefined) break;
      const task = this.#queue.shift();
      if (task.state !== QUEUED) continue; // aborted while queued
      this.#queued--;
      this.#send(slot, task);
    }
    if (this.#queued > 0) this.#spawnIfNeeded();
  }

  #pickSlot(mayPipeline: boolean): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.#slots) {
      if (!slot.ready || slot.retiring) continue;
      if (slot.inflight.length === 0) return slot;
      if (best === undefined || slot.inflight.length < best.inflight.length) best = slot;
    }
    if (best === undefined || !mayPipeline) return undefined;
    // Only pipeline short tasks, and only when no worker is on its way to take them.
    if (this.#averageMs >= PIPELINE_BELOW_MS || best.inflight.length >= PIPELINE_DEPTH) return undefined;
    if (this.#slots.length < this.#size || this.#slots.some((slot) => !slot.ready)) return undefined;
    return best;
  }

  #send(slot: Slot, task: Task): void {
    task.state = SENT;
    task.slot = slot;
    this.#running++;
    const wasIdle = slot.inflight.length === 0;
    slot.inflight.push(task);
    if (wasIdle) {
      slot.worker.ref();
      this.#start(task);
    }
    try {
      // The input stays on the task until it settles: if this worker dies before the
      // task starts, the task is sent again to another one.
      slot.worker.postMessage([task.id, task.input], task.transfer);
    } catch (error) {
      // Input that cannot be cloned (a function, a symbol...): this task's own fault.
      slot.inflight.splice(slot.inflight.indexOf(task), 1);
      this.#settle(task, false, error);
      if (wasIdle) this.#becameIdleOrNext(slot);
    }
  }

  /** The task is now the one its worker runs: its clock starts. */
  #start(task: Task): void {
    task.startedAt = performance.now();
    if (task.state === SETTLED) {
      // Aborted while it waited in the worker's mailbox, and the worker may have begun
      // it anyway: it gets the same grace as an aborted running task.
      this.#graceThenRetire(task.slot!, task);
      return;
    }
    if (this.#taskTimeoutMs !== Number.POSITIVE_INFINITY) {
      task.timer = setTimeout(() => {
        this.#stopRunning(task, new DOMException(`The task did not finish within taskTimeoutMs (${this.#taskTimeoutMs} ms)`, 'TimeoutError'));
      }, this.#taskTimeoutMs);
    }
  }

  #settle(task: Task, ok: boolean, value: unknown): void {
    if (task.state === SENT) this.#running--;
    task.state = SETTLED;
    if (task.timer !== undefined) clearTimeout(task.timer);
    if (task.onAbort !== undefined) task.signal!.removeEventListener('abort', task.onAbort);
    task.input = undefined;
    task.transfer = undefined;
    if (ok) {
      this.#completed++;
      task.resolve(value);
    } else {
      this.#failed++;
      task.reject(value);
    }
  }

  // ---- messages and exits ------------------------------------------------------

  #onMessage(slot: Slot, message: WorkerMessage): void {
    const id = message[0];
    if (message[1] === READY && id === 0) {
      slot.ready = true;
      this.#startFailures = 0;
      if (this.#queued > 0) this.#dispatch();
      if (slot.inflight.length === 0) this.#becameIdleOrNext(slot);
      return;
    }
    const inflight = slot.inflight;
    let index = 0;
    if (inflight[0]?.id !== id) {
      index = inflight.findIndex((task) => task.id === id);
      if (index === -1) return; // a task aborted before it started, that the worker still answered
    }
    const task = inflight[index]!;
    inflight.splice(index, 1);
    if (index === 0) {
      const took = performance.now() - task.startedAt;
      this.#averageMs = this.#averageMs === Number.POSITIVE_INFINITY ? took : this.#averageMs * 0.9 + took * 0.1;
      if (slot.grace !== undefined) {
        // The aborted task came back in time: this worker stays.
        clearTimeout(slot.grace);
        slot.grace = undefined;
      }
    }
    if (task.state !== SETTLED) {
      if (message[1] === OK) this.#settle(task, true, message[2]);
      else this.#settle(task, false, message[1] === -1 ? message[2] : deserializeError(message[2]));
    }
    if (index === 0) this.#becameIdleOrNext(slot);
    if (this.#queued > 0) this.#dispatch();
    else if (this.#state === 'closing') this.#checkDrained();
  }

  /** After a worker finished its running task: start the clock of the next, or go idle. */
  #becameIdleOrNext(slot: Slot): void {
    const next = slot.inflight[0];
    if (next !== undefined) {
      this.#start(next);
      return;
    }
    slot.idleSince = performance.now();
    // An idle worker must not keep the process alive; a busy one must.
    slot.worker.unref();
  }

  #onExit(slot: Slot, exitCode: number): void {
    const at = this.#slots.indexOf(slot);
    if (at !== -1) this.#slots.splice(at, 1);
    if (slot.grace !== undefined) clearTimeout(slot.grace);
    const inflight = slot.inflight;
    slot.inflight = [];
    if (!slot.retiring && !slot.ready) {
      this.#startFailed(slot, exitCode);
    } else {
      let first = 0;
      if (!slot.retiring) {
        // A crash: only the task it was running is lost, with its exit code and thread.
        this.#toReplace++;
        const running = inflight[0];
        if (running !== undefined) {
          first = 1;
          if (running.state !== SETTLED) {
            this.#settle(running, false, new WorkerExitError(exitCode, slot.threadId, { cause: slot.lastError }));
          }
        }
      }
      // Tasks sent but not started go back to the front of the queue, in order.
      for (let i = inflight.length - 1; i >= first; i--) {
        const task = inflight[i]!;
        if (task.state === SETTLED) continue;
        this.#running--;
        task.state = QUEUED;
        task.slot = undefined;
        this.#queue.unshift(task);
        this.#queued++;
      }
    }
    if (this.#state === 'destroyed') {
      this.#finishIfStopped();
      return;
    }
    this.#dispatch();
    this.#checkDrained();
  }

  #startFailed(slot: Slot, exitCode: number): void {
    this.#startFailures++;
    const cause = slot.lastError ?? new Error(`it exited with code ${exitCode} before calling defineWorker()`);
    if (this.#slots.length === 0) {
      // No worker can run the queue: fail it now with the reason, rather than retrying
      // forever. The next run() tries to start a worker again.
      const error = new WorkerStartError(this.#filename, { cause });
      while (this.#queue.size > 0) {
        const task = this.#queue.shift();
        if (task.state === QUEUED) this.#settle(task, false, error);
      }
      this.#queued = 0;
    } else {
      // Other workers carry on; try this one again later, backing off.
      const delay = Math.min(100 * 2 ** (this.#startFailures - 1), 5_000);
      this.#backoffUntil = performance.now() + delay;
      clearTimeout(this.#backoffTimer);
      this.#backoffTimer = setTimeout(() => this.#dispatch(), delay);
      this.#backoffTimer.unref();
    }
  }

  #spawnIfNeeded(): void {
    if (this.#state === 'destroyed' || performance.now() < this.#backoffUntil) return;
    let starting = 0;
    for (const slot of this.#slots) if (!slot.ready && !slot.retiring) starting++;
    const want = Math.min(this.#size - this.#slots.length, this.#queued - starting);
    for (let i = 0; i < want; i++) this.#spawn();
  }

  #spawn(): void {
    let worker: Worker;
    try {
      worker = createWorker(this.#filename, { workerData: this.#workerData, resourceLimits: this.#resourceLimits });
    } catch (error) {
      // The file is missing or the path is bad: no thread to wait for.
      const failure = new WorkerStartError(this.#filename, { cause: error });
      while (this.#queue.size > 0) {
        const task = this.#queue.shift();
        if (task.state === QUEUED) this.#settle(task, false, failure);
      }
      this.#queued = 0;
      return;
    }
    const slot = new Slot(worker);
    if (this.#toReplace > 0) {
      this.#toReplace--;
      this.#respawns++;
    }
    this.#slots.push(slot);
    worker.on('message', (message: WorkerMessage) => this.#onMessage(slot, message));
    worker.on('error', (error: unknown) => {
      slot.lastError = error;
    });
    worker.on('exit', (code: number) => this.#onExit(slot, code));
    // A result the host cannot deserialize still answers the running task, with that error.
    worker.on('messageerror', (error: Error) => {
      const task = slot.inflight[0];
      if (task !== undefined) this.#onMessage(slot, [task.id, -1, error]);
    });
    if (this.#idleSweep === undefined) {
      // Idle workers are swept at half the idle time (never: with Infinity, none is swept).
      if (this.#idleTimeoutMs !== Number.POSITIVE_INFINITY) {
        this.#idleSweep = setInterval(() => this.#sweepIdle(), Math.max(this.#idleTimeoutMs / 2, 10));
        this.#idleSweep.unref();
      }
    }
  }

  #sweepIdle(): void {
    const now = performance.now();
    for (const slot of [...this.#slots]) {
      if (slot.ready && !slot.retiring && slot.inflight.length === 0 && now - slot.idleSince >= this.#idleTimeoutMs) {
        this.#retire(slot);
      }
    }
    if (this.#slots.length === 0) {
      clearInterval(this.#idleSweep);
      this.#idleSweep = undefined;
    }
  }

  /** Terminates a worker on purpose; its 'exit' handler does the bookkeeping. */
  #retire(slot: Slot): void {
    if (slot.retiring) return;
    slot.retiring = true;
    // Keep the process alive until the thread has really gone, so `await close()` returns.
    slot.worker.ref();
    void slot.worker.terminate();
  }

  // ---- cancellation ------------------------------------------------------------

  #abort(task: Task, reason: unknown): void {
    if (task.state === QUEUED) {
      // Still in the queue: it simply never runs (skipped when it reaches the front).
      this.#queued--;
      this.#settle(task, false, reason);
      this.#checkDrained();
    } else if (task.state === SENT) {
      this.#stopRunning(task, reason);
    }
  }

  /** Rejects a task on a worker now; if it was running, the worker gets `abortGraceMs` to return. */
  #stopRunning(task: Task, reason: unknown): void {
    const slot = task.slot!;
    const name = reason instanceof DOMException && reason.name === 'TimeoutError' ? 'TimeoutError' : 'AbortError';
    const running = slot.inflight[0] === task;
    this.#settle(task, false, reason);
    // The task stays in `inflight` (settled) until the worker answers for it: a task
    // sent ahead is dropped from the worker's mailbox with an acknowledgement, a running
    // one is told to abort. Either way the tasks behind it keep their true order.
    slot.worker.postMessage([-task.id, name]);
    if (running) this.#graceThenRetire(slot, task);
  }

  /** If `task` is still what `slot` runs after abortGraceMs, terminate and replace the worker. */
  #graceThenRetire(slot: Slot, task: Task): void {
    clearTimeout(slot.grace);
    // With abortGraceMs Infinity the worker is never terminated: it runs until it returns.
    if (this.#abortGraceMs === Number.POSITIVE_INFINITY) return;
    slot.grace = setTimeout(() => {
      slot.grace = undefined;
      if (slot.inflight[0] === task && !slot.retiring) {
        this.#toReplace++;
        this.#retire(slot);
      }
    }, this.#abortGraceMs);
  }

  // ---- shutdown ----------------------------------------------------------------

  #checkDrained(): void {
    if (this.#state !== 'closing' || this.#queued > 0) return;
    for (const slot of this.#slots) if (slot.inflight.length > 0) return;
    for (const slot of [...this.#slots]) this.#retire(slot);
    this.#finishIfStopped();
  }

  #finishIfStopped(): void {
    if (this.#slots.length > 0) return;
    clearInterval(this.#idleSweep);
    this.#idleSweep = undefined;
    clearTimeout(this.#backoffTimer);
    this.#resolveStopped?.();
  }
}
