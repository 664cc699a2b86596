import { afterEach, expect, test, vi } from 'vitest';
import { generatePageGraph } from './page-graph.ts';
import { type PracticeServer, startPracticeServer } from './practice-server.ts';
import { seededRandom } from './seeded-random.ts';

const open: PracticeServer[] = [];
async function start(...args: Parameters<typeof startPracticeServer>): Promise<PracticeServer> {
  const server = await startPracticeServer(...args);
  open.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  vi.useRealTimers();
});

async function json(response: Response): Promise<unknown> {
  return response.json();
}

test('listens on 127.0.0.1 on a port the OS picked, a different one per server', async () => {
  const a = await start();
  const b = await start();
  expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(a.port).toBeGreaterThan(0);
  expect(a.port).not.toBe(b.port);
  const body = await json(await fetch(a.url('/hello')));
  expect(body).toEqual({ path: '/hello', seq: 1 });
});

test('held requests wait for release(), and the server counts the peak in flight', async () => {
  const server = await start({ latency: 'held' });
  const pending = [1, 2, 3, 4, 5].map((n) => fetch(server.url(`/item/${n}`)));
  const seen = await server.until((s) => s.held === 5, { what: '5 held requests' });
  expect(seen.inFlight).toBe(5);
  expect(seen.peakInFlight).toBe(5);
  expect(server.held().map((h) => h.path).sort()).toEqual(['/item/1', '/item/2', '/item/3', '/item/4', '/item/5']);
  expect(server.release({ path: '/item/3' })).toBe(1);
  expect(server.release({ count: 2 })).toBe(2);
  await server.until((s) => s.held === 2);
  expect(server.release()).toBe(2);
  const statuses = (await Promise.all(pending)).map((r) => r.status);
  expect(statuses).toEqual([200, 200, 200, 200, 200]);
  const stats = await server.until((s) => s.completed === 5);
  expect(stats).toMatchObject({ requests: 5, inFlight: 0, peakInFlight: 5, aborted: 0 });
  expect(stats.perPath['/item/3']).toBe(1);
});

test('a request the client aborts is counted as aborted, and its held answer is dropped', async () => {
  const server = await start({ latency: 'held' });
  const controller = new AbortController();
  const request = fetch(server.url('/slow'), { signal: controller.signal });
  await server.until((s) => s.held === 1);
  controller.abort(new Error('stop'));
  await expect(request).rejects.toThrow('stop');
  const stats = await server.until((s) => s.aborted === 1, { what: 'the abort to reach the server' });
  expect(stats).toMatchObject({ inFlight: 0, held: 0, completed: 0 });
  expect(server.requests()[0]?.outcome).toBe('aborted');
});

test('failure kind 500: the first N requests of a route fail, then it recovers', async () => {
  const server = await start({ routes: { '/flaky': { failure: { kind: 500, first: 2 } } } });
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await fetch(server.url('/flaky'))).status);
  expect(statuses).toEqual([500, 500, 200, 200]);
  expect((await fetch(server.url('/other'))).status).toBe(200);
  expect(server.stats().failed).toBe(2);
});

test('failure kind 503 sends Retry-After', async () => {
  const server = await start({ failure: { kind: 503, first: 1, retryAfterSeconds: 7 } });
  const response = await fetch(server.url('/x'));
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('7');
});

test("failure kind 'drop' destroys the connection without an answer", async () => {
  const server = await start({ failure: { kind: 'drop', first: 1 } });
  await expect(fetch(server.url('/x'))).rejects.toThrow(TypeError);
  const stats = await server.until((s) => s.inFlight === 0);
  expect(stats).toMatchObject({ failed: 1, aborted: 0 });
  expect(server.requests()[0]?.outcome).toBe('dropped');
});

test("failure kind 'slow-body' sends the headers, then stalls halfway through the body", async () => {
  const server = await start({ failure: { kind: 'slow-body', first: 1, slowBodyMs: 60_000 } });
  const controller = new AbortController();
  const response = await fetch(server.url('/x'), { signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const first = await reader.read();
  expect(first.done).toBe(false);
  expect(server.stats().inFlight).toBe(1);
  controller.abort();
  await server.until((s) => s.aborted === 1, { what: 'the aborted body to be counted' });
});

test('a seeded failure rate fails the same requests on every run', async () => {
  const pattern = async (): Promise<number[]> => {
    const server = await start({ failure: { kind: 500, rate: 0.5 }, seed: 42 });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await fetch(server.url(`/n/${i}`))).status);
    return statuses;
  };
  const first = await pattern();
  expect(first).toContain(500);
  expect(first).toContain(200);
  expect(await pattern()).toEqual(first);
});

test('above maxConcurrent the extra requests get 503 at once', async () => {
  const server = await start({ latency: 'held', maxConcurrent: 2 });
  const a = fetch(server.url('/a'));
  const b = fetch(server.url('/b'));
  await server.until((s) => s.held === 2);
  const c = await fetch(server.url('/c'));
  expect(c.status).toBe(503);
  expect(c.headers.get('retry-after')).toBe('1');
  server.release();
  expect((await a).status).toBe(200);
  expect((await b).status).toBe(200);
  expect(server.stats()).toMatchObject({ overCapacity: 1, peakInFlight: 3 });
});

test('serves a page graph with links, and 404 for a dead link', async () => {
  const server = await start({ pages: { a: ['b', 'gone'], b: ['a'] } });
  expect(await json(await fetch(server.url('/pages/a')))).toEqual({ page: '/pages/a', links: ['/pages/b', '/pages/gone'] });
  const dead = await fetch(server.url('/pages/gone'));
  expect(dead.status).toBe(404);
  await dead.body?.cancel();
  expect(server.requests().map((r) => r.outcome)).toEqual(['ok', 'not-found']);
});

test('serves a paginated list with a next link', async () => {
  const server = await start({ list: { items: 5, pageSize: 2 } });
  expect(await json(await fetch(server.url('/list?page=1')))).toEqual({ page: 1, items: [1, 2], next: '/list?page=2' });
  expect(await json(await fetch(server.url('/list?page=3')))).toEqual({ page: 3, items: [5], next: null });
  expect((await fetch(server.url('/list?page=4'))).status).toBe(404);
});

test('/status/<code> answers with that status', async () => {
  const server = await start();
  expect((await fetch(server.url('/status/404'))).status).toBe(404);
  expect((await fetch(server.url('/status/429'))).status).toBe(429);
});

test('close() ends held requests and open connections, and leaves no server handle', async () => {
  const server = await startPracticeServer({ latency: 'held' });
  const request = fetch(server.url('/never'));
  await server.until((s) => s.held === 1);
  await server.close();
  await expect(request).rejects.toThrow(TypeError);
  await server.close(); // idempotent
  expect(process.getActiveResourcesInfo()).not.toContain('TCPServerWrap');
});

test('await using closes the server at the end of the block', async () => {
  let origin = '';
  {
    await using server = await startPracticeServer();
    origin = server.origin;
    expect((await fetch(server.url('/x'))).status).toBe(200);
  }
  await expect(fetch(`${origin}/x`)).rejects.toThrow(TypeError);
});

test('until() rejects with the signal reason, and after its limit with a message naming what it awaited', async () => {
  const server = await start();
  const reason = new Error('cancelled');
  await expect(server.until(() => false, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  await expect(server.until(() => false, { timeoutMs: 20, what: 'pigs to fly' })).rejects.toThrow(/waited 20 ms for pigs to fly/);
});

test('fake timers in a test do not freeze the server', async () => {
  const server = await start({ latency: 5 });
  vi.useFakeTimers();
  const response = await fetch(server.url('/x'));
  expect(response.status).toBe(200);
});

test('resetStats() zeroes the counters and the record', async () => {
  const server = await start();
  await fetch(server.url('/x'));
  await server.until((s) => s.completed === 1);
  server.resetStats();
  expect(server.stats()).toMatchObject({ requests: 0, completed: 0, peakInFlight: 0, perPath: {} });
  expect(server.requests()).toEqual([]);
});

test('bad options are refused with the option and the value named', async () => {
  await expect(startPracticeServer({ latency: -1 })).rejects.toThrow(/latency must be a number >= 0.*-1/);
  await expect(startPracticeServer({ maxConcurrent: 0 })).rejects.toThrow(/maxConcurrent must be an integer >= 1, got 0/);
  await expect(startPracticeServer({ failure: { kind: 500, rate: 2 } })).rejects.toThrow(/rate must be between 0 and 1, got 2/);
  await expect(startPracticeServer({ routes: { slow: {} } })).rejects.toThrow(/must start with '\/', got 'slow'/);
  await expect(startPracticeServer({ latency: { min: 10, max: 5 } })).rejects.toThrow(/min <= max/);
});

test('generatePageGraph: every page reachable from p0, with cycles and the dead links asked for', () => {
  const graph = generatePageGraph({ pages: 30, deadLinks: 3, seed: 5 });
  expect(generatePageGraph({ pages: 30, deadLinks: 3, seed: 5 })).toEqual(graph);
  const seen = new Set<string>(['p0']);
  const stack = ['p0'];
  let dead = 0;
  while (stack.length) {
    for (const to of graph[stack.pop()!]!) {
      if (!(to in graph)) dead++;
      else if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  expect(seen.size).toBe(30);
  expect(dead).toBe(3);
});

test('seededRandom repeats for a seed and differs between seeds', () => {
  const a = seededRandom(1);
  const b = seededRandom(1);
  const c = seededRandom(2);
  const xs = [a(), a(), a()];
  expect([b(), b(), b()]).toEqual(xs);
  expect(c()).not.toBe(xs[0]);
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
});
