import { expect, test } from 'vitest';
import { firstSuccessful } from '#impl/02-first-successful';
import { getJson, observe, serverSees, startServer, turns, waitFor } from './support/helpers.ts';
import type { PracticeServer } from '@interleave/practice-server';

/** One attempt per path; each failure that reaches its attempt is noted in `failed`. */
function mirrors(server: PracticeServer, paths: string[], failed: string[] = []): ((signal: AbortSignal) => Promise<unknown>)[] {
  return paths.map((path) => (signal: AbortSignal) =>
    getJson(server.url(path), signal).catch((error: unknown) => {
      failed.push(path);
      throw error;
    }),
  );
}

test('starts every attempt at once and resolves with the first to succeed', async () => {
  const server = await startServer({ latency: 'held' });
  const result = observe(firstSuccessful(mirrors(server, ['/mirror/a', '/mirror/b', '/mirror/c'])));
  await serverSees(server, (s) => s.held === 3, 'all three attempts to be in flight at once');
  server.release({ path: '/mirror/b' });
  await waitFor(() => result.state !== 'pending', 'firstSuccessful did not settle after /mirror/b answered');
  expect(result.state).toBe('fulfilled');
  expect(result.value).toEqual({ path: '/mirror/b', seq: expect.any(Number) });
});

test('the losers are aborted: the server sees both other requests cancelled', async () => {
  const server = await startServer({ latency: 'held' });
  const result = firstSuccessful(mirrors(server, ['/mirror/a', '/mirror/b', '/mirror/c']));
  await serverSees(server, (s) => s.held === 3, 'all three attempts to be in flight at once');
  server.release({ path: '/mirror/a' });
  await result;
  await serverSees(server, (s) => s.aborted === 2, 'the two losing requests aborted (after the winner answered, abort the signal you gave the attempts so the losers stop)', 1500);
});

test('a fast failure does not win: it waits for a success', async () => {
  const server = await startServer({ routes: { '/mirror/': { latency: 'held' } } });
  const failed: string[] = [];
  const result = observe(firstSuccessful(mirrors(server, ['/status/500', '/mirror/slow'], failed)));
  await serverSees(server, (s) => s.held === 1, 'the second attempt to be in flight');
  await waitFor(() => failed.length === 1, 'the 500 never reached the first attempt');
  await turns(5);
  expect(result.state, 'one attempt failed but another is still running: keep waiting (Promise.any, not Promise.race)').toBe('pending');
  server.release();
  await waitFor(() => result.state !== 'pending', 'the held mirror answered, but firstSuccessful did not settle');
  expect(result.state).toBe('fulfilled');
  expect(result.value).toMatchObject({ path: '/mirror/slow' });
});

test('when all fail: an AggregateError with the errors in the order of the attempts', async () => {
  const server = await startServer({ routes: { '/down/': { latency: 'held', failure: { kind: 500, first: 99 } } } });
  const failed: string[] = [];
  const result = observe(firstSuccessful(mirrors(server, ['/down/a', '/down/b', '/down/c'], failed)));
  await serverSees(server, (s) => s.held === 3, 'all three attempts to be in flight at once');
  // They fail in the order c, b, a: each is released once the previous failure has arrived.
  for (const path of ['/down/c', '/down/b', '/down/a']) {
    server.release({ path });
    await waitFor(() => failed.includes(path), `the 500 from ${path} never reached its attempt`);
  }
  await waitFor(() => result.state !== 'pending', 'all three attempts failed, but firstSuccessful did not settle');
  expect(result.state).toBe('rejected');
  expect(result.reason).toBeInstanceOf(AggregateError);
  const messages = (result.reason as AggregateError).errors.map((e: Error) => e.message);
  expect(messages, 'errors[i] belongs to attempts[i], whatever order they failed in').toEqual(['500 from /down/a', '500 from /down/b', '500 from /down/c']);
});

test('no attempts: rejects at once with an AggregateError', async () => {
  const result = observe(firstSuccessful([]));
  await turns(2);
  expect(result.state).toBe('rejected');
  expect(result.reason).toBeInstanceOf(AggregateError);
});

test('a synchronous throw in an attempt counts as that attempt failing', async () => {
  const result = firstSuccessful<number>([
    () => {
      throw new Error('sync');
    },
    async () => 2,
  ]);
  await expect(result).resolves.toBe(2);
});
