import { getEventListeners } from 'node:events';
import { expect, test } from 'vitest';
import { fetchWithTimeout } from '#impl/04-fetch-with-timeout';
import { observe, serverSees, settled, startServer, turns, waitFor } from './support/helpers.ts';
import type { PracticeServer } from '@interleave/practice-server';

/**
 * Runs `work` while counting the timers it sets with the global setTimeout that are still
 * pending afterwards and keep the process alive (unref'd ones never hold it up).
 */
async function timersLeftBy(work: () => Promise<unknown>): Promise<number> {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const pending = new Set<NodeJS.Timeout>();
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer: NodeJS.Timeout = realSet((...a: unknown[]) => {
      pending.delete(timer);
      callback(...a);
    }, ms, ...args);
    pending.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: NodeJS.Timeout | undefined) => {
    if (timer) pending.delete(timer);
    realClear(timer);
  }) as typeof clearTimeout;
  try {
    await work();
  } finally {
    globalThis.setTimeout = realSet;
    globalThis.clearTimeout = realClear;
  }
  return [...pending].filter((timer) => timer.hasRef()).length;
}

async function expectAbortSeen(server: PracticeServer): Promise<void> {
  await serverSees(server, (s) => s.aborted === 1, 'the request cancelled (if the promise rejected but the request runs on, pass the signal to fetch)', 1500);
}

test('resolves with the body when the server answers in time', async () => {
  const server = await startServer();
  const text = await fetchWithTimeout(server.url('/quick'), { timeoutMs: 5000 });
  expect(JSON.parse(text)).toEqual({ path: '/quick', seq: 1 });
});

/**
 * A deadline is real time, and on a busy machine it can pass before the request has even
 * reached the server — then the server cannot see it cancelled. So the scenario is tried
 * with longer deadlines until the request did arrive in time, each on its own path.
 */
async function deadlineScenario(server: PracticeServer, deadlines: number[], stalls: string): Promise<void> {
  for (const [attempt, timeoutMs] of deadlines.entries()) {
    const path = `/stuck/${attempt}`;
    const result = observe(fetchWithTimeout(server.url(path), { timeoutMs }));
    await settled(result, `${stalls} and the ${timeoutMs} ms deadline passed, but fetchWithTimeout did not give up`, timeoutMs + 2000);
    expect(result.state).toBe('rejected');
    expect((result.reason as Error).name, 'reject with the DOMException "TimeoutError" that AbortSignal.timeout() gives').toBe('TimeoutError');
    // Did the request reach the server before the deadline? (Give a late one 200 ms to show up.)
    const arrived = await waitFor(() => (server.stats().perPath[path] ?? 0) > 0, 'no arrival', 200).then(() => true, () => false);
    if (!arrived && attempt < deadlines.length - 1) continue;
    await serverSees(
      server,
      () => server.requests().some((r) => r.path === path && r.outcome === 'aborted'),
      `the request cancelled (if the promise rejected but the request runs on, pass the signal to fetch)`,
      1500,
    );
    return;
  }
}

test('on the deadline it rejects with a TimeoutError, and the server sees the request aborted', async () => {
  const server = await startServer({ latency: 'held' });
  await deadlineScenario(server, [50, 300, 1500], 'the server never answered');
});

test('the deadline covers the body: headers in time, then a stalled body, still times out', async () => {
  const server = await startServer({ failure: { kind: 'slow-body', first: 99, slowBodyMs: 60_000 } });
  await deadlineScenario(server, [150, 600, 2000], 'the body stalled halfway (read the body under the same signal)');
});

test("the caller's abort rejects with the caller's reason and cancels the request", async () => {
  const server = await startServer({ latency: 'held' });
  const controller = new AbortController();
  const result = observe(fetchWithTimeout(server.url('/stuck'), { timeoutMs: 60_000, signal: controller.signal }));
  await serverSees(server, (s) => s.held === 1, 'the request to arrive');
  const reason = new Error('user pressed stop');
  controller.abort(reason);
  await waitFor(() => result.state !== 'pending', "the caller's signal aborted, but fetchWithTimeout did not stop");
  expect(result.reason, "reject with the caller's signal.reason itself").toBe(reason);
  await expectAbortSeen(server);
});

test('a signal aborted before the call: no request is sent', async () => {
  const server = await startServer();
  const reason = new Error('too late');
  await expect((async () => fetchWithTimeout(server.url('/x'), { timeoutMs: 1000, signal: AbortSignal.abort(reason) }))()).rejects.toBe(reason);
  await turns(10);
  expect(server.stats().requests).toBe(0);
});

test('leaves no timer behind that would keep the process alive', async () => {
  const server = await startServer();
  const left = await timersLeftBy(() => fetchWithTimeout(server.url('/x'), { timeoutMs: 60_000 }));
  expect(left, 'a timer is still pending after the request finished: clear it, or use AbortSignal.timeout()').toBe(0);
});

test("leaves no 'abort' listener on the caller's long-lived signal", async () => {
  const server = await startServer();
  const shutdown = new AbortController();
  for (let i = 0; i < 20; i++) await fetchWithTimeout(server.url(`/n/${i}`), { timeoutMs: 60_000, signal: shutdown.signal });
  expect(getEventListeners(shutdown.signal, 'abort').length, "20 calls finished; each left an 'abort' listener on the caller's signal (AbortSignal.any() adds none)").toBe(0);
});

test('a status that is not 2xx throws an Error with the status', async () => {
  const server = await startServer();
  await expect(fetchWithTimeout(server.url('/status/503'), { timeoutMs: 5000 })).rejects.toThrow(/503/);
});

test('a timeoutMs that is not a finite number > 0 is refused with a RangeError naming it', async () => {
  for (const timeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
    await expect((async () => fetchWithTimeout('http://127.0.0.1:1/', { timeoutMs }))()).rejects.toThrow(RangeError);
    await expect((async () => fetchWithTimeout('http://127.0.0.1:1/', { timeoutMs }))()).rejects.toThrow(/timeoutMs/);
  }
});
