// What the tests of lesson 06 watch from outside the answer: every toolkit Queue and
// WorkerPool it makes (through vi.mock of @interleave/toolkit), a practice server per test,
// and waits that fail with a message saying what did not happen.
import { expect, onTestFinished } from 'vitest';
import { type PracticeServer, type PracticeServerOptions, startPracticeServer } from '@interleave/practice-server';
import type * as Toolkit from '@interleave/toolkit';

type ToolkitModule = typeof Toolkit;

export interface QueueWatch {
  readonly queue: Toolkit.Queue<unknown>;
  /** The longest it ever was (items waiting, not counting those handed straight to a getter). */
  peak: number;
}

/** Every Queue and WorkerPool made since the last `forget()`. */
export const queues: QueueWatch[] = [];
export const pools: Toolkit.WorkerPool<unknown, unknown>[] = [];

/** Shared with the probe worker: cell 0 becomes 1 when the main thread's timer fires. */
export const probeFlag = new Int32Array(new SharedArrayBuffer(8));
(globalThis as { probeFlag?: Int32Array }).probeFlag = probeFlag;

export function forget(): void {
  queues.length = 0;
  pools.length = 0;
  Atomics.store(probeFlag, 0, 0);
}

/** For `vi.mock('@interleave/toolkit', (importOriginal) => trackedToolkit(importOriginal))`. */
export async function trackedToolkit(importOriginal: () => Promise<ToolkitModule>): Promise<ToolkitModule> {
  const real = await importOriginal();
  class Queue<T> extends real.Queue<T> {
    readonly #watch: QueueWatch;
    constructor(...args: ConstructorParameters<typeof real.Queue<T>>) {
      super(...args);
      this.#watch = { queue: this as Toolkit.Queue<unknown>, peak: 0 };
      queues.push(this.#watch);
    }
    override async put(item: T, options?: Toolkit.QueueWaitOptions): Promise<void> {
      await super.put(item, options);
      this.#watch.peak = Math.max(this.#watch.peak, this.size);
    }
  }
  class WorkerPool<I, O> extends real.WorkerPool<I, O> {
    constructor(options: Toolkit.WorkerPoolOptions) {
      // Every worker gets the probe's shared flag (the probe worker reads it; others ignore it).
      super({ ...options, workerData: { probeFlag } });
      pools.push(this as Toolkit.WorkerPool<unknown, unknown>);
    }
  }
  return { ...real, Queue, WorkerPool } as ToolkitModule;
}

/** Destroys every pool an answer left behind, so a wrong answer cannot keep the test process alive. */
export async function destroyPools(): Promise<void> {
  await Promise.all(pools.map((pool) => pool.destroy()));
}

/** A practice server closed when the current test ends, pass or fail. */
export async function startServer(options: PracticeServerOptions = {}): Promise<PracticeServer> {
  const server = await startPracticeServer(options);
  onTestFinished(() => server.close());
  return server;
}

/** What a test can ask about a promise at any moment; observing it also handles its rejection. */
export interface Observed<T> {
  state: 'pending' | 'fulfilled' | 'rejected';
  value: T | undefined;
  reason: unknown;
}

export function observe<T>(promise: Promise<T>): Observed<T> {
  const seen: Observed<T> = { state: 'pending', value: undefined, reason: undefined };
  promise.then(
    (value) => Object.assign(seen, { state: 'fulfilled', value }),
    (reason: unknown) => Object.assign(seen, { state: 'rejected', reason }),
  );
  return seen;
}

/**
 * Polls `condition` every millisecond; fails the test with `message` after `timeoutMs`.
 * If `watched` rejected with "Not implemented", that error is thrown at once instead.
 */
export async function waitFor(condition: () => boolean, message: string | (() => string), watched?: Observed<unknown>, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (watched?.state === 'rejected' && watched.reason instanceof Error && /Not implemented/.test(watched.reason.message)) throw watched.reason;
    if (condition()) return;
    if (performance.now() > deadline) expect.fail(`${typeof message === 'function' ? message() : message} (waited ${timeoutMs} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Fetches `url` and reads its JSON; a non-2xx answer is an error naming the status. */
export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${response.status} from ${new URL(url).pathname}`);
  return response.json();
}
