import { startPracticeServer } from '@interleave/practice-server';
import { describe, expect, it } from 'vitest';
import { MiniLoop, Task } from '../lib/mini-loop.ts';
import { fetchAll } from '#impl/10-fetch-all';

describe('fetchAll on the mini loop, against the practice server (real sockets, real clock)', () => {
  it('keeps exactly `concurrency` requests in flight — as the server counts them — and returns bodies in order', async () => {
    await using server = await startPracticeServer({ latency: 'held' });
    const urls = [1, 2, 3, 4, 5, 6, 7].map((n) => server.url(`/item/${n}`));
    const loop = new MiniLoop({ clock: 'real' });
    const run = loop.runUntilComplete(new Task(loop, fetchAll(loop, urls, 3)));
    // Three requests are held by the server at the same moment: the loop overlapped them.
    // (If fetchAll fails or ends first, that is the verdict, not the wait.)
    await Promise.race([
      server.until((s) => s.held === 3, { timeoutMs: 5000, what: 'three requests in flight at once (a loop that overlaps its I/O)' }),
      run.then(() => {
        throw new Error('fetchAll returned while the server still held every request');
      }),
    ]);
    server.configure({ latency: 0 });
    server.release();
    const bodies = (await run) as { path: string }[];
    expect(bodies.map((b) => b.path)).toEqual(urls.map((u) => new URL(u).pathname));
    expect(server.stats().peakInFlight).toBe(3);
    expect(server.stats().requests).toBe(7);
  }, 20_000);

  it('with concurrency 1, never more than one request in flight', async () => {
    await using server = await startPracticeServer({ latency: 5 });
    const loop = new MiniLoop({ clock: 'real' });
    const urls = [1, 2, 3].map((n) => server.url(`/item/${n}`));
    const bodies = (await loop.runUntilComplete(new Task(loop, fetchAll(loop, urls, 1)))) as { path: string }[];
    expect(bodies.map((b) => b.path)).toEqual(['/item/1', '/item/2', '/item/3']);
    expect(server.stats().peakInFlight).toBe(1);
  }, 20_000);

  it('checks concurrency', async () => {
    const loop = new MiniLoop();
    await expect(loop.runUntilComplete(new Task(loop, fetchAll(loop, [], 0)))).rejects.toThrow(RangeError);
  });
});
