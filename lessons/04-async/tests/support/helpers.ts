// Test helpers of lesson 04: a practice server per test, and waits on real time that
// - fail as an assertion that says what did not happen (never a bare crash), and
// - stop early with "Not implemented" when the answer under test is still the stub,
// so the learner reads the stub's message, not a timeout of something it never started.
// (The lesson kit's `until` polls on the global setTimeout, which exercise 8's test
// freezes on purpose, and throws a plain Error; these two needs are this lesson's.)
import { expect, onTestFinished } from 'vitest';
import { type PracticeServer, type PracticeServerOptions, type PracticeServerStats, startPracticeServer } from '@interleave/practice-server';

// Kept at load, before a test may install fake timers.
const realSetTimeout = globalThis.setTimeout;

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

const watched = new Set<Observed<unknown>>();

/** Starts watching `promise`. While the test runs, every wait below checks it for "Not implemented". */
export function observe<T>(promise: Promise<T>): Observed<T> {
  const seen: { state: Observed<T>['state']; value: T | undefined; reason: unknown } = { state: 'pending', value: undefined, reason: undefined };
  promise.then(
    (value) => Object.assign(seen, { state: 'fulfilled', value }),
    (reason: unknown) => Object.assign(seen, { state: 'rejected', reason }),
  );
  watched.add(seen);
  onTestFinished(() => void watched.delete(seen));
  return seen;
}

function rethrowStub(): void {
  for (const seen of watched) {
    if (seen.state === 'rejected' && seen.reason instanceof Error && /Not implemented/.test(seen.reason.message)) throw seen.reason;
  }
}

/** Polls `condition` every millisecond of real time; after `timeoutMs` fails the test with `message`. */
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    rethrowStub();
    if (condition()) return;
    if (performance.now() > deadline) expect.fail(`${message} (waited ${timeoutMs} ms)`);
    await new Promise((resolve) => realSetTimeout(resolve, 1));
  }
}

/** Waits until the server's counters satisfy `predicate`; the failure names `what` and the counters. */
export async function serverSees(server: PracticeServer, predicate: (stats: PracticeServerStats) => boolean, what: string, timeoutMs = 2000): Promise<PracticeServerStats> {
  await waitFor(() => predicate(server.stats()), `expected the server to see ${what}, but it did not`, timeoutMs).catch((error: unknown) => {
    if (!(error instanceof Error) || /Not implemented/.test(error.message)) throw error;
    const s = server.stats();
    error.message += ` — it counted ${s.requests} requests, ${s.inFlight} in flight (peak ${s.peakInFlight}), ${s.held} held, ${s.aborted} aborted`;
    throw error;
  });
  return server.stats();
}

/** Waits until `observed` has settled; fails the test with `message` after `timeoutMs`. */
export function settled(observed: Observed<unknown>, message: string, timeoutMs = 2000): Promise<void> {
  return waitFor(() => observed.state !== 'pending', message, timeoutMs);
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
