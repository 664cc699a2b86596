import { expect, test } from 'vitest';
import { VirtualClock } from '@interleave/toolkit';
import { seededRandom } from '@interleave/practice-server';
import { retryFetch, type RetryFetchOptions } from '#impl/05-retry';
import { observe, serverSees, startServer, turns, waitFor } from './support/helpers.ts';

/**
 * Runs retryFetch with a virtual clock: every wait between attempts is recorded, and the
 * clock is moved past it as soon as it starts — no real time is spent waiting.
 */
async function run(url: string, options: RetryFetchOptions = {}): Promise<{ response: Response | undefined; error: unknown; delays: number[] }> {
  const clock = new VirtualClock();
  const delays: number[] = [];
  const result = observe(
    retryFetch(url, {
      random: seededRandom(7),
      ...options,
      sleep: (ms, o) => {
        delays.push(ms);
        return clock.sleep(ms, o);
      },
    }),
  );
  while (result.state === 'pending') {
    await waitFor(() => clock.pending > 0 || result.state !== 'pending', 'retryFetch neither finished nor started a wait', 3000);
    if (clock.pending > 0) await clock.advance(delays.at(-1)!);
  }
  return { response: result.value, error: result.reason, delays };
}

function expectedJitter(seed: number, baseMs: number, capMs: number, n: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, attempt) => random() * Math.min(capMs, baseMs * 2 ** attempt));
}

test('retries a 500 after waits of random() × min(capMs, baseMs × 2^n): full jitter', async () => {
  const server = await startServer({ routes: { '/flaky': { failure: { kind: 500, first: 3 } } } });
  const { response, delays } = await run(server.url('/flaky'), { retries: 3, baseMs: 100, capMs: 10_000 });
  expect(response?.status).toBe(200);
  expect(server.stats().requests).toBe(4);
  expect(delays, 'the waits before each retry: random() * min(capMs, baseMs * 2 ** n), n = 0, 1, 2 — not 0, not without the random factor').toEqual(
    expectedJitter(7, 100, 10_000, 3),
  );
});

test('the backoff stops growing at capMs', async () => {
  const server = await startServer({ routes: { '/down': { failure: { kind: 500, first: 99 } } } });
  const { delays } = await run(server.url('/down'), { retries: 5, baseMs: 100, capMs: 300 });
  expect(delays).toEqual(expectedJitter(7, 100, 300, 5));
});

test('after `retries` retries it gives up and returns the last response', async () => {
  const server = await startServer({ failure: { kind: 500, first: 99 } });
  const { response } = await run(server.url('/x'), { retries: 2 });
  expect(response?.status).toBe(500);
  expect(server.stats().requests, 'retries: 2 means 3 requests in all').toBe(3);
});

test('never retries a 4xx (but does retry 429)', async () => {
  const server = await startServer();
  for (const status of [400, 404, 409]) {
    server.resetStats();
    const { response, delays } = await run(server.url(`/status/${status}`));
    expect(response?.status).toBe(status);
    expect(server.stats().requests, `a ${status} is the server's answer, not a hiccup: do not ask again`).toBe(1);
    expect(delays).toEqual([]);
  }
  server.resetStats();
  await run(server.url('/status/429'), { retries: 2 });
  expect(server.stats().requests, '429 Too Many Requests is temporary: retry it').toBe(3);
});

test('honours Retry-After: waits exactly that long instead of the jittered delay', async () => {
  const server = await startServer({ failure: { kind: 503, first: 1, retryAfterSeconds: 2 } });
  const { response, delays } = await run(server.url('/busy'));
  expect(response?.status).toBe(200);
  expect(delays, 'the 503 said Retry-After: 2 — wait 2000 ms').toEqual([2000]);
});

test('a dropped connection (fetch rejects) is retried too', async () => {
  const server = await startServer({ failure: { kind: 'drop', first: 2 } });
  const { response, delays } = await run(server.url('/x'));
  expect(response?.status).toBe(200);
  expect(delays).toHaveLength(2);
});

test('aborting during a wait rejects with the reason at once and leaves no timer', async () => {
  const server = await startServer({ failure: { kind: 500, first: 99 } });
  const clock = new VirtualClock();
  const controller = new AbortController();
  const result = observe(retryFetch(server.url('/x'), { signal: controller.signal, sleep: (ms, o) => clock.sleep(ms, o) }));
  await waitFor(() => clock.pending === 1, 'retryFetch never started a wait after a 500', 3000);
  const reason = new Error('shutting down');
  controller.abort(reason);
  await turns(5);
  expect(result.state, 'the signal aborted during the wait: pass it to sleep so the wait ends at once').toBe('rejected');
  expect(result.reason).toBe(reason);
  expect(clock.pending, 'the wait is still scheduled after the abort').toBe(0);
  expect(server.stats().requests).toBe(1);
});

test('aborting during a request cancels that request', async () => {
  const server = await startServer({ latency: 'held' });
  const controller = new AbortController();
  const result = observe(retryFetch(server.url('/x'), { signal: controller.signal, sleep: () => Promise.reject(new Error('no wait expected')) }));
  await serverSees(server, (s) => s.held === 1, 'the request');
  const reason = new Error('stop');
  controller.abort(reason);
  await serverSees(server, (s) => s.aborted === 1, 'the request to be aborted', 1500);
  await waitFor(() => result.state !== 'pending', 'retryFetch did not settle after the abort');
  expect(result.reason).toBe(reason);
  expect(server.stats().requests, 'an abort is not a failure to retry').toBe(1);
});

test('bad options are refused with a RangeError naming the option', async () => {
  const call = (options: RetryFetchOptions): Promise<Response> => (async () => retryFetch('http://127.0.0.1:1/', options))();
  await expect(call({ retries: -1 })).rejects.toThrow(/retries/);
  await expect(call({ retries: 1.5 })).rejects.toThrow(RangeError);
  await expect(call({ baseMs: 0 })).rejects.toThrow(/baseMs/);
  await expect(call({ baseMs: 100, capMs: 50 })).rejects.toThrow(/capMs/);
});
