import { expect, test } from 'vitest';
import { mapLimit } from '#impl/03-map-limit';
import { getJson, observe, serverSees, startServer, turns, waitFor } from './support/helpers.ts';

const paths = (n: number): string[] => Array.from({ length: n }, (_, i) => `/item/${i}`);

test('keeps exactly `limit` requests in flight: the server counts a peak of 3, never more', async () => {
  const server = await startServer({ latency: 'held' });
  const result = observe(mapLimit(paths(8), 3, (path) => getJson(server.url(path))));
  await serverSees(server, (s) => s.held === 3, '3 requests at once with limit 3 (are they running one by one?)');
  await turns(10);
  expect(server.stats().requests, 'more than `limit` requests were started').toBe(3);
  // Finish one: the freed slot must be refilled at once, not after the whole batch.
  server.release({ count: 1 });
  await serverSees(server, (s) => s.requests === 4 && s.held === 3, 'a fourth request as soon as one of the 3 finished (is mapLimit waiting for a whole batch?)');
  while (result.state === 'pending') {
    server.release({ count: 1 });
    await turns(2);
    await waitFor(() => result.state !== 'pending' || server.stats().held > 0 || server.stats().inFlight === 0, 'mapLimit stalled');
  }
  expect(result.state).toBe('fulfilled');
  const stats = server.stats();
  expect(stats.peakInFlight, 'the most in flight at once, as the server counted').toBe(3);
  expect(stats.requests).toBe(8);
});

test('results come back in the order of the items, not the order they finished', async () => {
  const server = await startServer({ latency: 'held' });
  const items = paths(4);
  const result = observe(mapLimit(items, 4, (path) => getJson(server.url(path))));
  await serverSees(server, (s) => s.held === 4, '4 requests in flight');
  for (const path of [...items].reverse()) {
    server.release({ path });
    await serverSees(server, (s) => !server.held().some((h) => h.path === path), '!server.held().some((h) => h.path === path)');
    await turns(3);
  }
  await waitFor(() => result.state !== 'pending', 'all four answered, but mapLimit did not settle');
  expect((result.value as { path: string }[]).map((r) => r.path)).toEqual(items);
});

test('the first error rejects the result and stops new starts', async () => {
  const server = await startServer({ latency: 'held', routes: { '/bad': { latency: 'held', failure: { kind: 500, first: 99 } } } });
  const started: string[] = [];
  const items = ['/ok/0', '/bad', '/ok/2', '/ok/3', '/ok/4'];
  const result = observe(
    mapLimit(items, 2, (path) => {
      started.push(path);
      return getJson(server.url(path));
    }),
  );
  await serverSees(server, (s) => s.held === 2, '2 requests in flight');
  server.release({ path: '/bad' });
  await waitFor(() => result.state !== 'pending', 'the call for /bad failed, but mapLimit did not reject');
  expect(result.state).toBe('rejected');
  expect((result.reason as Error).message).toBe('500 from /bad');
  // The other call finishes later; no new one may start after the failure.
  server.release();
  await serverSees(server, (s) => s.inFlight === 0, 's.inFlight === 0');
  await turns(10);
  expect(started, 'after a call failed, no new call should start').toEqual(['/ok/0', '/bad']);
});

test('passes (item, index) and returns [] for no items', async () => {
  const seen: [string, number][] = [];
  const out = await mapLimit(['a', 'b', 'c'], 2, async (item, index) => {
    seen.push([item, index]);
    return item.toUpperCase();
  });
  expect(out).toEqual(['A', 'B', 'C']);
  expect(seen).toEqual([['a', 0], ['b', 1], ['c', 2]]);
  expect(await mapLimit([], 3, async () => 1)).toEqual([]);
});

test('a limit that is not an integer >= 1 is refused with a RangeError naming limit', async () => {
  for (const limit of [0, -1, 1.5, Number.NaN]) {
    const call = (async () => mapLimit([1], limit, async (x) => x))();
    await expect(call).rejects.toThrow(RangeError);
    await expect((async () => mapLimit([1], limit, async (x) => x))()).rejects.toThrow(/limit/);
  }
});
