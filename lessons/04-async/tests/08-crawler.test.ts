import { afterEach, expect, test, vi } from 'vitest';
import { crawl, type CrawlResult } from '#impl/08-crawler';
import { observe, serverSees, settled, startServer, turns } from './support/helpers.ts';
import type { PracticeServer } from '@interleave/practice-server';

afterEach(() => {
  vi.useRealTimers();
});

const path = (url: string): string => new URL(url).pathname;
const pagePaths = (result: CrawlResult): string[] => [...result.pages.keys()].map(path).sort();
const isHeld = (server: PracticeServer, name: string): boolean => server.held().some((h) => h.path === `/pages/${name}`);

async function releasePage(server: PracticeServer, name: string): Promise<void> {
  await serverSees(server, () => isHeld(server, name), `a request for /pages/${name}`);
  server.release({ path: `/pages/${name}` });
  await serverSees(server, () => !isHeld(server, name), '!isHeld(server, name)');
}

test('visits every reachable page once, through cycles, and lists dead links', async () => {
  const server = await startServer({ pages: { a: ['b', 'c'], b: ['a', 'c', 'gone'], c: ['a', 'b', 'd'], d: ['d', 'a'] } });
  const result = await crawl(server.url('/pages/a'), { concurrency: 2 });
  expect(pagePaths(result)).toEqual(['/pages/a', '/pages/b', '/pages/c', '/pages/d']);
  expect(result.dead.map(path)).toEqual(['/pages/gone']);
  expect(result.pages.get(server.url('/pages/a')), 'links are absolute URLs').toEqual([server.url('/pages/b'), server.url('/pages/c')]);
  expect(Object.values(server.stats().perPath).every((n) => n === 1), `a page was requested twice: ${JSON.stringify(server.stats().perPath)}`).toBe(true);
});

test('a page linked from two pages while it is still loading is requested only once', async () => {
  const server = await startServer({ latency: 'held', pages: { root: ['x', 'y'], x: ['z'], y: ['z'], z: [] } });
  const result = observe(crawl(server.url('/pages/root'), { concurrency: 2 }));
  await releasePage(server, 'root');
  await releasePage(server, 'x'); // x links to z: z is queued and starts loading
  await serverSees(server, () => isHeld(server, 'z'), 'the request for z');
  await releasePage(server, 'y'); // y links to z too, while z is still in flight
  await turns(10);
  expect(server.stats().perPath['/pages/z'], 'z was queued a second time while it was loading: mark a URL as seen when you queue it').toBe(1);
  server.release();
  await settled(result, 'the crawl did not finish');
  expect(result.state).toBe('fulfilled');
});

test('keeps exactly `concurrency` requests in flight: the server counts a peak of 3', async () => {
  const leaves = Array.from({ length: 9 }, (_, i) => `leaf${i}`);
  const server = await startServer({ latency: 'held', pages: { root: leaves, ...Object.fromEntries(leaves.map((l) => [l, ['root']])) } });
  const result = observe(crawl(server.url('/pages/root'), { concurrency: 3 }));
  await releasePage(server, 'root');
  await serverSees(server, (s) => s.held === 3, '3 requests at once with concurrency 3');
  await turns(10);
  expect(server.stats().inFlight, 'more than `concurrency` requests at once').toBe(3);
  while (result.state === 'pending') {
    server.release({ count: 1 });
    await turns(3);
  }
  expect(result.state).toBe('fulfilled');
  expect(server.stats().peakInFlight, 'the most in flight at once, as the server counted').toBe(3);
  expect(server.stats().requests).toBe(10);
});

test('finishes exactly when the last page is in: not before, and without a polling timer', async () => {
  const server = await startServer({ latency: 'held', pages: { root: ['a', 'b'], a: ['c'], b: [], c: [] } });
  // Timers are frozen: a crawl that checks "am I done?" on a timer never finds out.
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
  const result = observe(crawl(server.url('/pages/root'), { concurrency: 4 }));
  await releasePage(server, 'root');
  await releasePage(server, 'a');
  await releasePage(server, 'b');
  await serverSees(server, () => isHeld(server, 'c'), 'the request for c');
  await turns(10);
  expect(result.state, 'c is still loading, and the crawl is over already: count the requests in flight, not only the queue').toBe('pending');
  server.release();
  await settled(result, 'the last page is in, but the crawl did not finish — is it waiting for a timer to check whether it is done? Finish when the last request completes.', 1500);
  expect(result.state).toBe('fulfilled');
  expect(pagePaths(result.value!)).toEqual(['/pages/a', '/pages/b', '/pages/c', '/pages/root']);
});

test('an abort cancels every request in flight and rejects with the reason', async () => {
  const leaves = Array.from({ length: 6 }, (_, i) => `leaf${i}`);
  const server = await startServer({ latency: 'held', pages: { root: leaves, ...Object.fromEntries(leaves.map((l) => [l, []])) } });
  const controller = new AbortController();
  const result = observe(crawl(server.url('/pages/root'), { concurrency: 2, signal: controller.signal }));
  await releasePage(server, 'root');
  await serverSees(server, (s) => s.held === 2, '2 requests in flight');
  const reason = new Error('user pressed stop');
  controller.abort(reason);
  await serverSees(server, (s) => s.aborted === 2, 'both requests in flight to be aborted');
  await settled(result, 'the crawl did not settle after the abort');
  expect(result.reason).toBe(reason);
  await turns(10);
  expect(server.stats().requests, 'no request may start after the abort').toBe(3);
});

test('a concurrency that is not an integer >= 1 is refused with a RangeError naming it', async () => {
  for (const concurrency of [0, -2, 2.5, Number.NaN]) {
    const call = (async () => crawl('http://127.0.0.1:1/pages/a', { concurrency }))();
    await expect(call).rejects.toThrow(/concurrency/);
  }
  await expect((async () => crawl('http://127.0.0.1:1/pages/a', { concurrency: 0 }))()).rejects.toThrow(RangeError);
});
