import { afterEach, describe, expect, test, vi } from 'vitest';
import { workerStopped } from './support/leaks.ts';
import { started, terminateAll } from './support/track-workers.ts';
import type { EchoInput } from './support/echo.task.ts';
import type { RendezvousInput, RendezvousOutput } from './support/rendezvous.task.ts';

vi.mock('@interleave/toolkit', async (importOriginal) => (await import('./support/track-workers.ts')).trackedToolkit(importOriginal));

const { parallelMap } = await import('#impl/06-parallel-map');

const RENDEZVOUS = new URL('./support/rendezvous.task.ts', import.meta.url);
const ECHO = new URL('./support/echo.task.ts', import.meta.url);
const BLOCK = new URL('./support/block.task.ts', import.meta.url);
/** How long a task waits at the rendezvous before it reports that it was alone. */
const RENDEZVOUS_MS = 6000;

// Starting threads and processes can take seconds on a busy machine; the checks are by
// property, so a generous limit costs nothing when things are fast.
vi.setConfig({ testTimeout: 15_000 });

afterEach(terminateAll);

async function allExited(what: string): Promise<void> {
  await Promise.all(started.map((worker) => workerStopped(worker, 3000, what)));
}

function rendezvous(parties: number): { inputs: RendezvousInput[]; slots: Int32Array } {
  const shared = new SharedArrayBuffer(4 * 4);
  const inputs = Array.from({ length: parties }, () => ({ shared, parties, timeoutMs: RENDEZVOUS_MS }));
  return { inputs, slots: new Int32Array(shared) };
}

function expectAllMet(outputs: RendezvousOutput[]): void {
  outputs.forEach((o, i) => {
    expect(
      o.met,
      `task ${i} waited ${o.waitedMs} ms at the rendezvous and the others never arrived: the tasks did not run at the same time. ` +
        'Start all the workers first and give each one an input before waiting for any answer — and run tasks in workers, not on the main thread.',
    ).toBe(true);
  });
}

/** Polls a shared slot until it is non-zero; fails after `ms`. Only for test set-up. */
async function untilNonZero(slots: Int32Array, index: number, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Atomics.load(slots, index) === 0) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('parallelMap()', () => {
  test('runs two tasks at the same time on two workers (they meet at a shared-memory rendezvous)', async () => {
    const { inputs } = rendezvous(2);
    const outputs = await parallelMap<RendezvousInput, RendezvousOutput>(RENDEZVOUS, inputs, { workers: 2 });
    expectAllMet(outputs);
    expect(started.length, 'start the workers with createWorker() from @interleave/toolkit').toBe(2);
    expect(new Set(outputs.map((o) => o.threadId)).size, 'each task ran on its own worker thread').toBe(2);
    await allExited('parallelMap() resolved');
  }, 15_000);

  test('uses at most `workers` workers, keeps outputs in input order, and terminates them', async () => {
    // The first input finishes only after the last one has (see echo.task.ts), however the
    // inputs are shared out: answers in completion order come out of input order.
    const shared = new SharedArrayBuffer(4);
    const inputs: EchoInput[] = [
      { value: 1, ms: 0, shared, waitFor: 0 },
      { value: 2, ms: 0 },
      { value: 3, ms: 0 },
      { value: 4, ms: 0 },
      { value: 5, ms: 0 },
      { value: 6, ms: 0, shared, done: 0 },
    ];
    await expect(parallelMap(ECHO, inputs, { workers: 2 })).resolves.toEqual([2, 4, 6, 8, 10, 12]);
    expect(started.length, `asked for 2 workers, ${started.length} were started`).toBe(2);
    await allExited('parallelMap() resolved');
  });

  test('never starts more workers than there are inputs', async () => {
    await expect(parallelMap(ECHO, [{ value: 1, ms: 0 }], { workers: 4 })).resolves.toEqual([2]);
    expect(started.length).toBe(1);
  });

  test('rejects with the error a task throws, and terminates every worker', async () => {
    const inputs = [{ value: 1, ms: 0 }, { value: -1, ms: 0 }, { value: 3, ms: 0 }];
    await expect(parallelMap(ECHO, inputs, { workers: 2 })).rejects.toThrow(/bad input -1/);
    await allExited('parallelMap() rejected');
  });

  test("an abort rejects with the signal's reason and terminates workers stuck in a task", async () => {
    const shared = new SharedArrayBuffer(2 * 4);
    const controller = new AbortController();
    const pending = parallelMap(BLOCK, [{ shared }, { shared }], { workers: 2, signal: controller.signal });
    pending.catch(() => {});
    await untilNonZero(new Int32Array(shared), 0, 8000, 'no task started');
    const reason = new Error('enough');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await allExited('the signal aborted');
  });

  test('no inputs: resolves [] without starting a worker', async () => {
    await expect(parallelMap(ECHO, [], { workers: 2 })).resolves.toEqual([]);
    expect(started.length).toBe(0);
  });

  test.each([0, -2, 1.5, Number.NaN])('rejects workers = %s with a RangeError naming workers', async (workers) => {
    await expect(Promise.resolve().then(() => parallelMap(ECHO, [{ value: 1, ms: 0 }], { workers }))).rejects.toThrow(/workers/);
    await expect(Promise.resolve().then(() => parallelMap(ECHO, [{ value: 1, ms: 0 }], { workers }))).rejects.toThrow(RangeError);
    expect(started.length).toBe(0);
  });
});
