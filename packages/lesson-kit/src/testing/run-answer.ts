// The test's side: start one helper (worker thread or child process) per input, each
// running the answer under test; collect one answer from each; and make sure none outlives
// the test — even one stuck forever in a lock or a `while (true) {}` (the watchdog).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createWorker } from '@interleave/toolkit';
import { GO, type AnswerJob, type Hello, type Ready, type Reply } from './protocol.ts';
import { tsxExecArgv } from './tsx.ts';

/**
 * How long the helpers may take to start and load the answer (tsx compiles it; on a busy
 * 2-core machine that can take seconds). Start-up is not part of `watchdogMs`.
 */
export const STARTUP_MS = 8000;

export interface RunOptions {
  /** Once every helper has loaded the answer, each must have answered within this many ms, or all are stopped and the run fails. */
  watchdogMs: number;
  /** Said when the watchdog fires: what was probably going on, and what to check. */
  stuck: string;
  /** Stops the run early (e.g. when the test has already failed): rejects, stops all. */
  signal?: AbortSignal;
  /** The start-up limit; default {@link STARTUP_MS}. */
  startupMs?: number;
}

/** One started helper, whatever it runs in. */
interface Helper {
  onMessage(listener: (message: unknown) => void): void;
  onFailure(listener: (error: Error) => void): void;
  send(message: unknown): void;
  stop(): Promise<void>;
}

function threadHelper(file: URL, job: AnswerJob, i: number): Helper {
  const worker = createWorker(file, { workerData: job });
  return {
    onMessage: (listener) => worker.on('message', listener),
    onFailure: (listener) => {
      worker.once('error', listener);
      worker.once('exit', (code) => listener(new Error(`worker ${i} exited (code ${code}) without answering`)));
    },
    send: (message) => worker.postMessage(message),
    // terminate() also interrupts a thread blocked in Atomics.wait or spinning forever.
    stop: async () => void (await worker.terminate()),
  };
}

function processHelper(file: URL, job: AnswerJob, i: number): Helper {
  const child: ChildProcess = fork(fileURLToPath(file), [], { execArgv: tsxExecArgv(), serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    onMessage: (listener) =>
      child.on('message', (message: Hello | Ready | Reply<unknown>) => {
        if ('hello' in message) child.send(job);
        else listener(message);
      }),
    onFailure: (listener) => {
      child.once('error', listener);
      child.once('exit', (code, signal) => listener(new Error(`child process ${i} exited (${signal ?? `code ${code}`}) without answering`)));
    },
    send: (message) => {
      if (child.connected) child.send(message as never);
    },
    // SIGKILL: a child spinning in `while (true) {}` must stop too.
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

async function run<T>(kind: string, start: (job: AnswerJob, i: number) => Helper, impl: string, inputs: readonly unknown[], options: RunOptions): Promise<T[]> {
  const startupMs = options.startupMs ?? STARTUP_MS;
  if (!(options.watchdogMs > 0)) throw new RangeError(`runWorkers/runChildren: options.watchdogMs must be a number > 0, got ${options.watchdogMs}`);
  const helpers: Helper[] = [];
  let timer: NodeJS.Timeout | undefined;
  let over = false;
  try {
    const loaded: Promise<void>[] = [];
    const answers = inputs.map((input, i) => {
      const helper = start({ impl, input }, i);
      helpers.push(helper);
      let ready!: () => void;
      loaded.push(new Promise<void>((resolve) => (ready = resolve)));
      return new Promise<T>((resolve, reject) => {
        helper.onMessage((message) => {
          const m = message as Reply<T> | Ready;
          if ('ready' in m) return ready();
          ready(); // an answer also means it loaded
          if (m.ok) resolve(m.value);
          else reject(Object.assign(new Error(m.error.message), { name: m.error.name }));
        });
        helper.onFailure(reject);
      });
    });
    // Every helper loads the answer, then all get "go" at once (see serve()); the watchdog
    // counts from there, so a slow start-up is never mistaken for a stuck answer. Start-up
    // has its own, generous, limit.
    const watchdog = new Promise<never>((_, reject) => {
      const stuck = () => reject(new Error(`${options.stuck} (no answer within ${options.watchdogMs} ms; the test stopped the ${kind === 'worker threads' ? 'threads' : kind})`));
      const slow = () => reject(new Error(`the test's ${kind} did not start within ${startupMs} ms (is the machine very busy?)`));
      timer = setTimeout(slow, startupMs);
      void Promise.all(loaded).then(() => {
        if (over) return;
        clearTimeout(timer);
        timer = setTimeout(stuck, options.watchdogMs);
        for (const helper of helpers) helper.send(GO);
      });
    });
    const aborted = new Promise<never>((_, reject) => {
      const { signal } = options;
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    return await Promise.race([Promise.all(answers), watchdog, aborted]);
  } finally {
    over = true;
    clearTimeout(timer);
    await Promise.all(helpers.map((h) => h.stop()));
  }
}

/**
 * Runs one worker thread of `file` per entry of `inputs`; each calls `serve(scenario)` and
 * gets the answer under test (`impl`, from `implFile()`) and its input. Resolves with their
 * answers in order. Rejects with the first error a worker reports — its message kept, so
 * "Not implemented" reads as such — or with `stuck` when the watchdog fires. Every worker
 * is terminated before this settles.
 *
 * @example
 * ```ts
 * import { runWorkers } from '@interleave/lesson-kit/testing';
 *
 * import { implFile } from '@interleave/lesson-kit/impl';
 *
 * // tests/support/count.worker.ts:
 * //   await serve((impl: typeof import('../../solutions/01-count.ts'), n: number) => impl.count(n));
 * const answers = await runWorkers<number>(new URL('./support/count.worker.ts', import.meta.url), implFile(new URL('../', import.meta.url), '01-count'), [1, 2], {
 *   watchdogMs: 3000,
 *   stuck: 'count() never returned',
 * });
 * ```
 */
export function runWorkers<T>(file: URL, impl: string, inputs: readonly unknown[], options: RunOptions): Promise<T[]> {
  return run<T>('worker threads', (job, i) => threadHelper(file, job, i), impl, inputs, options);
}

/** {@link runWorkers} with child processes (`fork`, TypeScript through tsx); a stuck child is killed with SIGKILL. */
export function runChildren<T>(file: URL, impl: string, inputs: readonly unknown[], options: RunOptions): Promise<T[]> {
  return run<T>('child processes', (job, i) => processHelper(file, job, i), impl, inputs, options);
}
