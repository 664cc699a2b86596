import { afterEach, describe, expect, test, vi } from 'vitest';
import { workerStopped } from './support/leaks.ts';
import { started, terminateAll } from './support/track-workers.ts';

vi.mock('@interleave/toolkit', async (importOriginal) => (await import('./support/track-workers.ts')).trackedToolkit(importOriginal));

const { sumInWorker } = await import('#impl/05-transfer');

// Starting threads and processes can take seconds on a busy machine; the checks are by
// property, so a generous limit costs nothing when things are fast.
vi.setConfig({ testTimeout: 15_000 });

afterEach(terminateAll);

function ramp(n: number): Float64Array<ArrayBuffer> {
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = i + 1;
  return data;
}

describe('sumInWorker()', () => {
  test('sums the array in a worker thread, and gets the same bytes back in the reply', async () => {
    const reply = await sumInWorker(ramp(10));
    expect(reply.sum).toBe(55);
    expect(started.length, 'start exactly one worker with createWorker(SUM_FLOATS_WORKER)').toBe(1);
    expect(reply.data).toBeInstanceOf(Float64Array);
    expect([...reply.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test("transfers the buffer: the caller's array is detached as soon as it is sent", async () => {
    const data = ramp(100_000);
    const pending = sumInWorker(data);
    expect(
      data.byteLength,
      `data still has ${data.byteLength} bytes after sumInWorker() sent it: it was copied (structured clone), not transferred. Put data.buffer in postMessage's transfer list.`,
    ).toBe(0);
    expect((await pending).sum).toBe((100_000 * 100_001) / 2);
  });

  test('terminates the worker once it has answered', async () => {
    await sumInWorker(ramp(10));
    for (const worker of started) await workerStopped(worker, 3000, 'sumInWorker() resolved');
  });

  test('an aborted signal rejects with its reason and terminates the worker', async () => {
    const controller = new AbortController();
    const pending = sumInWorker(ramp(10), { signal: controller.signal });
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    for (const worker of started) await workerStopped(worker, 3000, 'the signal aborted');
  });

  test('a signal aborted before the call rejects without starting a worker', async () => {
    const reason = new Error('already stopped');
    await expect(sumInWorker(ramp(10), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(started.length).toBe(0);
  });

  test('rejects data that is not a Float64Array with a TypeError naming data', async () => {
    await expect(Promise.resolve().then(() => sumInWorker([1, 2, 3] as unknown as Float64Array<ArrayBuffer>))).rejects.toThrow(TypeError);
    await expect(Promise.resolve().then(() => sumInWorker(new Float32Array(3) as unknown as Float64Array<ArrayBuffer>))).rejects.toThrow(/data/);
  });
});
