import { fork } from 'node:child_process';
import { afterEach, expect, test, vi } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { exited, tsxExecArgv } from '@interleave/lesson-kit/testing';
import { digestPage } from '../lib/work.ts';
import { destroyPools, forget, observe, pools, probeFlag, queues, startServer, waitFor } from './support/track.ts';

vi.mock('@interleave/toolkit', async (importOriginal) => (await import('./support/track.ts')).trackedToolkit(importOriginal as never));

const { runPipeline } = await import('#impl/04-pipeline');

const PROBE = new URL('./support/probe.worker.ts', import.meta.url);

// Worker threads take a while to start on a busy machine; every check is by property.
vi.setConfig({ testTimeout: 20_000 });

afterEach(async () => {
  await destroyPools();
  forget();
});

const graph = { a: ['b'], b: ['c'], c: ['a'], d: [], e: ['a'], f: [] };
const pagePaths = Object.keys(graph).map((name) => `/pages/${name}`);

test('every page fetched once and digested on a worker thread, in the order of paths; the pool is closed after', async () => {
  const server = await startServer({ pages: graph });
  const digests = await runPipeline(pagePaths, { origin: server.origin, rounds: 50, fetchConcurrency: 3, capacity: 2, poolSize: 2 });
  const expected = await Promise.all(
    pagePaths.map(async (path) => digestPage({ path, body: await (await fetch(server.url(path))).text() }, 50).digest),
  );
  expect(digests.map((d) => d.path), 'results[i] belongs to paths[i]').toEqual(pagePaths);
  expect(digests.map((d) => d.digest)).toEqual(expected);
  expect(digests.every((d) => d.threadId !== 0), 'the CPU stage must run on the WorkerPool (threadId 0 is the main thread)').toBe(true);
  expect(server.stats().perPath['/pages/a'], 'each page fetched once').toBe(2 /* once by the pipeline, once by this test */);
  expect(pools.length, 'use one toolkit WorkerPool').toBe(1);
  expect(pools[0]!.stats.workers, 'when the pipeline resolves, its workers have stopped (close the pool)').toBe(0);
  expect(queues[0]?.queue.maxSize, 'hand pages over through a Queue with maxSize: capacity').toBe(2);
});

test('the CPU stage does not block the main thread: a 1 ms timer fires while a page is being computed', async () => {
  const server = await startServer();
  const tick = setInterval(() => {
    Atomics.store(probeFlag, 0, 1);
    Atomics.notify(probeFlag, 0);
  }, 1);
  try {
    const [result] = await runPipeline(['/one'], { origin: server.origin, rounds: 0, fetchConcurrency: 1, capacity: 1, poolSize: 1, workerFile: PROBE });
    expect(
      result!.digest,
      'while the page was computed, a 1 ms timer on the main thread could not fire — the CPU work ran on the main thread and blocked the event loop. Run it on the WorkerPool.',
    ).toBe('the timer fired');
  } finally {
    clearInterval(tick);
  }
});

test('abort while fetching: every request is aborted at the server, the pool is destroyed, the promise rejects with the reason', async () => {
  const server = await startServer({ latency: 'held' });
  const controller = new AbortController();
  const paths = Array.from({ length: 8 }, (_, i) => `/item/${i}`);
  const result = observe(runPipeline(paths, { origin: server.origin, rounds: 10, fetchConcurrency: 3, capacity: 2, poolSize: 2, signal: controller.signal }));
  await waitFor(() => server.stats().held === 3, () => `expected 3 requests in flight (fetchConcurrency 3); the server saw ${server.stats().held}`, result);
  controller.abort(new DOMException('the user gave up', 'AbortError'));
  await waitFor(() => result.state !== 'pending', 'aborted, but runPipeline did not settle — are the fetches in flight aborted too (pass an AbortSignal to fetch)?', result);
  expect(result.state).toBe('rejected');
  expect(result.reason, 'reject with signal.reason').toBe(controller.signal.reason);
  expect(pools[0]?.stats.workers ?? 0, 'after the abort no worker thread may be left').toBe(0);
  await expect(pools[0]!.run({ page: { path: '/x', body: '' }, rounds: 0 }), 'the pool must be closed or destroyed after an abort').rejects.toThrow(/closed|destroyed/);
  await waitFor(
    () => server.stats().aborted === 3 && server.stats().inFlight === 0,
    () => `the 3 requests in flight should be aborted (pass the signal to fetch); the server counted ${server.stats().aborted} aborted, ${server.stats().inFlight} still in flight`,
  );
  expect(server.stats().requests, 'no request started after the abort').toBe(3);
});

test('abort while a worker computes: the stuck task is stopped and no worker is left', async () => {
  const server = await startServer();
  const controller = new AbortController();
  const result = observe(runPipeline(['/block/1', '/block/2', '/block/3'], { origin: server.origin, rounds: 0, fetchConcurrency: 1, capacity: 1, poolSize: 1, signal: controller.signal, workerFile: PROBE }));
  await waitFor(() => (pools[0]?.stats.running ?? 0) === 1 || result.state !== 'pending', 'expected a page to be running on the pool', result, 15_000);
  expect(result.state, 'the pipeline finished although its only task never returns on a worker: does the CPU stage run on the WorkerPool?').toBe('pending');
  controller.abort(new DOMException('stop', 'AbortError'));
  await waitFor(() => result.state !== 'pending', 'aborted, but runPipeline did not settle (a worker that ignores the signal must be terminated: destroy the pool)', result, 5000);
  expect(result.reason).toBe(controller.signal.reason);
  expect(pools[0]!.stats.workers, 'runPipeline rejected while a worker thread was still alive: await pool.destroy() before rejecting').toBe(0);
  await expect(pools[0]!.run({ page: { path: '/x', body: '' }, rounds: 0 }), 'the pool must be closed or destroyed after an abort').rejects.toThrow(/closed|destroyed/);
});

test('an already aborted signal rejects at once without fetching or starting a worker', async () => {
  const server = await startServer();
  const reason = new DOMException('never mind', 'AbortError');
  await expect(runPipeline(['/a'], { origin: server.origin, rounds: 0, fetchConcurrency: 1, capacity: 1, poolSize: 1, signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  expect(server.stats().requests).toBe(0);
  expect(pools.length === 0 || pools[0]!.stats.workers === 0).toBe(true);
});

test('after an abort nothing keeps the process alive: a child process that aborts its pipeline exits by itself', async () => {
  const impl = implFile(new URL('../', import.meta.url), '04-pipeline');
  const child = fork(new URL('./support/abort-child.ts', import.meta.url), [impl], { execArgv: tsxExecArgv(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  try {
    await exited(child, { timeoutMs: 15_000, message: 'the child process had not exited 15 s after starting' }).catch(() => {
      throw new Error(
        `after the abort the process did not exit by itself: something the pipeline started (a worker thread, a request, a timer) still keeps it alive. It printed: ${out.trim() || '(nothing)'}`,
      );
    });
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  if (/Not implemented/.test(out)) throw new Error('Not implemented: runPipeline');
  expect(out, 'the child printed how runPipeline settled after the abort').toMatch(/^rejected: AbortError: stop$/m);
  expect(child.exitCode, `the child failed: ${out}`).toBe(0);
});
