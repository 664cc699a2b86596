// Test helpers of lesson 04 beyond the lesson kit's (until, deferred): a practice server per
// test, and waits on real time that still work while a test fakes the timers.
import { onTestFinished } from 'vitest';
import { type PracticeServer, type PracticeServerOptions, startPracticeServer } from '@interleave/practice-server';

// Kept at load, before a test may install fake timers.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Starts a practice server that is closed when the current test ends, pass or fail. */
export async function startServer(options: PracticeServerOptions = {}): Promise<PracticeServer> {
  const server = await startPracticeServer(options);
  onTestFinished(() => server.close());
  return server;
}

/** What a test can ask about a promise at any moment. Observing it also handles its rejection. */
export interface Observed<T> {
  readonly state: 'pending' | 'fulfilled' | 'rejected';
  readonly value: T | undefined;
  readonly reason: unknown;
}

export function observe<T>(promise: Promise<T>): Observed<T> {
  const seen: { state: Observed<T>['state']; value: T | undefined; reason: unknown } = { state: 'pending', value: undefined, reason: undefined };
  promise.then(
    (value) => Object.assign(seen, { state: 'fulfilled', value }),
    (reason: unknown) => Object.assign(seen, { state: 'rejected', reason }),
  );
  return seen;
}

/** `promise`, or a rejection with `what` if it has not settled after `timeoutMs` of real time. */
export function within<T>(promise: Promise<T>, what: string, timeoutMs = 2000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = realSetTimeout(() => reject(new Error(what)), timeoutMs);
  });
  return Promise.race([promise, guard]).finally(() => realClearTimeout(timer));
}

/** Lets every queued promise callback and I/O callback run: a few real macrotask turns. */
export async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => realSetTimeout(resolve, 0));
}

/** GET a JSON body; a status that is not 2xx throws an Error naming the status and the path. */
export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${response.status} from ${new URL(url).pathname}`);
  }
  return response.json();
}
