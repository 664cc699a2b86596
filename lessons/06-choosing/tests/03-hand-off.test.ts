import { afterEach, expect, test, vi } from 'vitest';
import { deferred, type Deferred } from '@interleave/lesson-kit/testing';
import { forget, getJson, observe, queues, startServer, waitFor } from './support/track.ts';

vi.mock('@interleave/toolkit', async (importOriginal) => (await import('./support/track.ts')).trackedToolkit(importOriginal as never));

const { handOff } = await import('#impl/03-hand-off');

afterEach(forget);

const paths = (n: number): string[] => Array.from({ length: n }, (_, i) => `/page/${i}`);

/** A compute stage the test finishes by hand: each call waits for its own deferred. */
function heldCompute() {
  const calls: { index: number; done: Deferred<string> }[] = [];
  const compute = (page: unknown, index: number): Promise<string> => {
    const done = deferred<string>();
    calls.push({ index, done });
    return done.promise.then(() => `computed ${(page as { path: string }).path}`);
  };
  return { calls, compute };
}

test('fetching stops when the hand-off is full: 2 fetchers, 1 computer, capacity 3 → exactly 6 pages fetched while computing is stuck', async () => {
  const server = await startServer();
  const { calls, compute } = heldCompute();
  const items = paths(20);
  const result = observe(handOff(items, { fetchPage: (p) => getJson(server.url(p)), compute, fetchConcurrency: 2, computeConcurrency: 1, capacity: 3 }));
  // Either the pipeline stalls as it should (1 page computing, 3 queued, 2 fetchers waiting
  // to put), or it fetches all 20 pages with nothing computed (no backpressure).
  const stalled = (): boolean => {
    const q = queues[0]?.queue;
    return calls.length === 1 && q !== undefined && q.size === 3 && q.waiting.putters === 2;
  };
  await waitFor(() => stalled() || server.stats().completed === items.length, () => `with computing stuck, expected 1 page computing, 3 in the queue and both fetchers waiting to put; saw ${calls.length} computing, ${queues[0]?.queue.size ?? 'no'} queued, ${queues[0]?.queue.waiting.putters ?? 0} fetchers waiting, ${server.stats().requests} requests — are fetchConcurrency fetchers running?`, result);
  expect(queues.length, 'hand the pages over through one toolkit Queue').toBe(1);
  expect(queues[0]!.queue.maxSize, 'the Queue must be bounded: new Queue({ maxSize: capacity })').toBe(3);
  expect(
    server.stats().requests,
    'while the one computer is stuck, the fetchers should stop: 1 page computing + 3 waiting in the queue + 1 in each fetcher’s hand = 6 requests. More means fetching runs ahead of computing (memory grows with the input).',
  ).toBe(6);

  // Let everything through, one compute at a time, and check the bounds held all along.
  let released = 0;
  while (result.state === 'pending') {
    await waitFor(() => calls.length > released || result.state !== 'pending', 'a page was fetched but never computed', result);
    if (calls.length > released) calls[released++]!.done.resolve('');
  }
  expect(result.state, `handOff rejected: ${String(result.reason)}`).toBe('fulfilled');
  expect(result.value).toEqual(items.map((p) => `computed ${p}`));
  expect(queues[0]!.peak, 'the queue never held more than capacity').toBeLessThanOrEqual(3);
  const stats = server.stats();
  expect(stats.requests, 'every page fetched exactly once').toBe(20);
  expect(stats.peakInFlight, 'never more than fetchConcurrency requests in flight, as the server counted').toBeLessThanOrEqual(2);
});

test('the fetch stage keeps fetchConcurrency requests in flight (the server counts 3 at once)', async () => {
  const server = await startServer({ latency: 'held' });
  const result = observe(
    handOff(paths(6), { fetchPage: (p) => getJson(server.url(p)), compute: async (page) => page, fetchConcurrency: 3, computeConcurrency: 2, capacity: 2 }),
  );
  await waitFor(() => server.stats().held === 3, () => `expected 3 requests in flight at once (fetchConcurrency 3); the server saw at most ${server.stats().peakInFlight}`, result);
  while (result.state === 'pending') {
    server.release();
    await waitFor(() => server.stats().held > 0 || result.state !== 'pending', 'the pipeline stalled with no request in flight', result);
  }
  expect(result.state, `handOff rejected: ${String(result.reason)}`).toBe('fulfilled');
  expect(server.stats().peakInFlight).toBe(3);
});

test('results in the order of paths, even when computes finish in reverse', async () => {
  const server = await startServer();
  const { calls, compute } = heldCompute();
  const items = paths(4);
  const result = observe(handOff(items, { fetchPage: (p) => getJson(server.url(p)), compute, fetchConcurrency: 4, computeConcurrency: 4, capacity: 4 }));
  await waitFor(() => calls.length === 4, 'expected 4 computes running at once (computeConcurrency 4)', result);
  for (const call of [...calls].reverse()) {
    call.done.resolve('');
    await new Promise((resolve) => setImmediate(resolve));
  }
  await waitFor(() => result.state !== 'pending', 'all computes finished, but handOff did not settle', result);
  expect(result.value, 'results[i] is the result of paths[i], whatever order they finished in').toEqual(items.map((p) => `computed ${p}`));
});

test('a compute that fails rejects handOff with its error, and fetching stops', async () => {
  const server = await startServer();
  const { calls, compute } = heldCompute();
  const result = observe(handOff(paths(30), { fetchPage: (p) => getJson(server.url(p)), compute, fetchConcurrency: 2, computeConcurrency: 1, capacity: 2 }));
  await waitFor(() => calls.length === 1, 'the first compute never started', result);
  calls[0]!.done.reject(new Error('cannot parse /page/0'));
  await waitFor(() => result.state !== 'pending', 'a compute failed, but handOff did not settle', result);
  expect(result.state).toBe('rejected');
  expect((result.reason as Error).message).toBe('cannot parse /page/0');
  await waitFor(() => server.stats().inFlight === 0, 'requests still in flight after handOff rejected');
  expect(server.stats().requests, 'after the failure no new page is fetched').toBeLessThan(30);
});

test('counts that are not integers >= 1 are RangeErrors naming the option', async () => {
  const base = { fetchPage: async (p: string) => p, compute: async (p: string) => p, fetchConcurrency: 1, computeConcurrency: 1, capacity: 1 };
  for (const name of ['fetchConcurrency', 'computeConcurrency', 'capacity'] as const) {
    for (const bad of [0, 1.5, Number.NaN]) {
      const call = (async () => handOff(['/a'], { ...base, [name]: bad }))();
      await expect(call).rejects.toThrow(RangeError);
      await expect((async () => handOff(['/a'], { ...base, [name]: bad }))()).rejects.toThrow(new RegExp(name));
    }
  }
  expect(await handOff([], base)).toEqual([]);
});
