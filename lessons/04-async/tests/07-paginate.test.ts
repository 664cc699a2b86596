import { expect, test } from 'vitest';
import { paginate } from '#impl/07-paginate';
import { observe, serverSees, settled, startServer, turns, waitFor } from './support/helpers.ts';
import type { PracticeServer } from '@interleave/practice-server';

const LIST = { items: 25, pageSize: 10 };
const heldPage = (server: PracticeServer, page: number): boolean => server.held().some((h) => h.path === `/list?page=${page}`);

test('yields every item in order, requesting each page once', async () => {
  const server = await startServer({ list: LIST });
  const items: number[] = [];
  for await (const item of paginate<number>(server.url('/list?page=1'))) items.push(item);
  expect(items).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect(server.stats().perPath).toEqual({ '/list?page=1': 1, '/list?page=2': 1, '/list?page=3': 1 });
});

test('yields the first item as soon as the first page is in, and fetches one page ahead', async () => {
  const server = await startServer({ list: LIST, latency: 'held' });
  const iterator = paginate<number>(server.url('/list?page=1'))[Symbol.asyncIterator]();
  try {
    const first = observe(iterator.next());
    await serverSees(server, (s) => s.held === 1, 'the first page to be requested');
    server.release();
    await serverSees(server, () => heldPage(server, 2), 'a request for page 2 right after page 1 arrived (one page ahead, while the consumer takes the items of page 1)', 1500);
    await waitFor(() => first.state !== 'pending', 'page 1 is in, but the first item was not yielded: yield before loading more pages');
    expect(first.value).toEqual({ value: 1, done: false });
    await turns(10);
    expect(server.stats().requests, 'one page ahead, not more: page 3 must wait until page 2 is in').toBe(2);
  } finally {
    await iterator.return?.();
  }
});

test('breaking out of the loop cancels the request for the next page', async () => {
  const server = await startServer({ list: LIST, latency: 'held' });
  const taken: number[] = [];
  const consume = observe((async () => {
    for await (const item of paginate<number>(server.url('/list?page=1'))) {
      taken.push(item);
      if (item === 3) {
        await serverSees(server, () => heldPage(server, 2), 'the prefetch of page 2');
        break;
      }
    }
  })());
  await serverSees(server, (s) => s.held === 1, 'the first page to be requested');
  server.release();
  await settled(consume, 'the loop did not end after break');
  expect(taken).toEqual([1, 2, 3]);
  const stats = await serverSees(server, (s) => s.aborted === 1, 'the request for page 2 cancelled (the consumer broke out of the loop while it was loading: cancel it in a finally block)', 1500);
  expect(stats.requests, 'no page after the break').toBe(2);
});

test("the caller's signal stops the loop with its reason and cancels the request", async () => {
  const server = await startServer({ list: LIST, latency: 'held' });
  const controller = new AbortController();
  const taken: number[] = [];
  const consume = observe(
    (async () => {
      for await (const item of paginate<number>(server.url('/list?page=1'), { signal: controller.signal })) taken.push(item);
    })(),
  );
  await serverSees(server, (s) => s.held === 1, 'the first page to be requested');
  const reason = new Error('user left the page');
  controller.abort(reason);
  await waitFor(() => consume.state !== 'pending', 'the signal aborted, but the loop went on waiting');
  expect(consume.reason).toBe(reason);
  await serverSees(server, (s) => s.aborted === 1, 'the request to be aborted', 1500);
  expect(taken).toEqual([]);
});

test('a page that fails throws an Error with the status', async () => {
  const server = await startServer({ list: LIST, routes: { '/list?page=2': { failure: { kind: 500, first: 1 } } } });
  const taken: number[] = [];
  const loop = async (): Promise<void> => {
    for await (const item of paginate<number>(server.url('/list?page=1'))) taken.push(item);
  };
  await expect(loop()).rejects.toThrow(/500/);
  expect(taken).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});
