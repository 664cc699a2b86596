import { getEventListeners } from 'node:events';
import { expect, test } from 'vitest';
import { deferred } from '@interleave/lesson-kit/testing';
import { allOrCancel } from '#impl/06-all-or-cancel';
import { getJson, observe, serverSees, startServer, turns, waitFor } from './support/helpers.ts';
import type { PracticeServer } from '@interleave/practice-server';

const get = (server: PracticeServer, path: string) => (signal: AbortSignal) => getJson(server.url(path), signal);

test('resolves with every value in the order of the tasks', async () => {
  const server = await startServer({ latency: 'held' });
  const result = observe(allOrCancel(['/a', '/b', '/c'].map((p) => get(server, p))));
  await serverSees(server, (s) => s.held === 3, 'all three tasks to run at once');
  for (const path of ['/c', '/a', '/b']) server.release({ path });
  await waitFor(() => result.state !== 'pending', 'all three answered, but allOrCancel did not settle');
  expect((result.value as { path: string }[]).map((v) => v.path)).toEqual(['/a', '/b', '/c']);
});

test('the first failure aborts the siblings: the server sees their requests cancelled', async () => {
  const server = await startServer({ latency: 'held', routes: { '/bad': { latency: 'held', failure: { kind: 500, first: 99 } } } });
  const result = observe(allOrCancel(['/a', '/b', '/bad'].map((p) => get(server, p))));
  await serverSees(server, (s) => s.held === 3, 'all three tasks to run at once');
  server.release({ path: '/bad' });
  await serverSees(server, (s) => s.aborted === 2, 'the two siblings cancelled after /bad failed (abort the signal you gave the other tasks)');
  await waitFor(() => result.state !== 'pending', 'allOrCancel did not settle after the failure');
  expect(result.state).toBe('rejected');
  expect((result.reason as Error).message, "reject with the failure that started it, not a sibling's cancellation").toBe('500 from /bad');
});

test('it returns only after every task has settled, even one slow to stop', async () => {
  const stubborn = deferred<string>();
  const failure = new Error('task 0 failed');
  const result = observe(
    allOrCancel<string>([
      async () => {
        await turns(1);
        throw failure;
      },
      () => stubborn.promise, // ignores its signal for a while, like cleanup that takes time
    ]),
  );
  await turns(10);
  expect(result.state, 'a task is still running: wait for it before rejecting, so nothing runs on after allOrCancel returns').toBe('pending');
  stubborn.resolve('done at last');
  await turns(3);
  expect(result.state).toBe('rejected');
  expect(result.reason).toBe(failure);
});

test("the caller's abort cancels every task and rejects with the caller's reason", async () => {
  const server = await startServer({ latency: 'held' });
  const controller = new AbortController();
  const result = observe(allOrCancel(['/a', '/b'].map((p) => get(server, p)), { signal: controller.signal }));
  await serverSees(server, (s) => s.held === 2, 'both tasks to run');
  const reason = new Error('user pressed stop');
  controller.abort(reason);
  await serverSees(server, (s) => s.aborted === 2, "the caller's abort to reach both requests");
  await waitFor(() => result.state !== 'pending', 'allOrCancel did not settle after the abort');
  expect(result.reason).toBe(reason);
});

test('an already-aborted signal starts nothing', async () => {
  let started = 0;
  const reason = new Error('too late');
  const call = (async () => allOrCancel([async () => ++started], { signal: AbortSignal.abort(reason) }))();
  await expect(call).rejects.toBe(reason);
  expect(started).toBe(0);
});

test("leaves no 'abort' listener on the caller's long-lived signal", async () => {
  const shutdown = new AbortController();
  for (let i = 0; i < 10; i++) await allOrCancel([async () => i, async () => i + 1], { signal: shutdown.signal });
  await expect(allOrCancel([async () => Promise.reject(new Error('x'))], { signal: shutdown.signal })).rejects.toThrow('x');
  expect(getEventListeners(shutdown.signal, 'abort').length, "11 calls are over; their 'abort' listeners should be gone").toBe(0);
});
