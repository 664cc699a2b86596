import { describe, expect, test } from 'vitest';
import { runPipeline } from '#impl/04-pipeline';
import { deferred, type Deferred } from '@interleave/lesson-kit/testing';
import { settle, watch } from './support/settle.ts';

/** A source that counts how many items were read from it, and whether it was closed. */
function countingSource(n: number) {
  const seen = { pulled: 0, closed: false };
  function* items(): Generator<number, void, undefined> {
    try {
      for (let i = 0; i < n; i++) {
        seen.pulled++;
        yield i;
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, source: items() };
}

/** A handler the test controls: every call waits until the test answers it. */
function controlledHandler() {
  const calls: Array<{ item: number; gate: Deferred<string>; answered: boolean }> = [];
  const handle = (item: number): Promise<string> => {
    const g = deferred<string>();
    calls.push({ item, gate: g, answered: false });
    return g.promise;
  };
  const open = () => calls.filter((c) => !c.answered);
  const answer = (call: (typeof calls)[number], fail?: Error) => {
    call.answered = true;
    if (fail) call.gate.reject(fail);
    else call.gate.resolve(`done ${call.item}`);
  };
  return { calls, handle, open, answer };
}

/** Answers open calls (newest first, so consumers finish out of order) until `done` settles. */
async function drive(done: Promise<unknown>, h: ReturnType<typeof controlledHandler>, maxInFlight?: number): Promise<void> {
  const state = watch(done);
  for (;;) {
    await settle();
    if (state.now.state !== 'pending') return;
    const open = h.open();
    if (maxInFlight !== undefined) {
      expect(open.length, `more than ${maxInFlight} handle() calls ran at once`).toBeLessThanOrEqual(maxInFlight);
    }
    const newest = open.at(-1);
    if (!newest) {
      expect.fail(
        `runPipeline did not settle, although every handle() call (${h.calls.length}) was answered. ` +
          'Consumers still waiting in get()? Shut the queue down when the source is exhausted, and let them return on QueueShutDownError.',
      );
    }
    h.answer(newest);
  }
}

describe('runPipeline()', () => {
  test('handles every item exactly once and returns the results in source order', async () => {
    const h = controlledHandler();
    const { source, seen } = countingSource(9);
    const done = runPipeline(source, h.handle, { consumers: 3, capacity: 2 });
    await drive(done, h, 3);
    expect(h.calls.map((c) => c.item).sort((a, b) => a - b), 'each item should be handled once — none lost, none twice').toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await done, 'the results, one per item, in source order').toEqual(Array.from({ length: 9 }, (_, i) => `done ${i}`));
    expect(seen.pulled).toBe(9);
  });

  test('runs `consumers` handlers at once', async () => {
    const h = controlledHandler();
    const done = runPipeline(countingSource(10).source, h.handle, { consumers: 3, capacity: 1 });
    await settle();
    expect(h.open().length, 'with 3 consumers and 10 items waiting, 3 handle() calls should be in flight').toBe(3);
    await drive(done, h, 3);
  });

  test('stops reading the source while the queue is full (backpressure)', async () => {
    const h = controlledHandler();
    const { source, seen } = countingSource(20);
    const done = runPipeline(source, h.handle, { consumers: 1, capacity: 2 });
    await settle();
    expect(
      seen.pulled,
      'one consumer busy with one item, a queue of 2, and the producer holding one it cannot put: at most 4 items read. ' +
        'Is the queue bounded (maxSize) and is put() awaited?',
    ).toBeLessThanOrEqual(4);
    expect(h.open(), 'the one consumer should be handling an item').toHaveLength(1);
    h.answer(h.open()[0]!);
    await settle();
    expect(seen.pulled, 'one item handled makes room for one more read').toBeLessThanOrEqual(5);
    await drive(done, h, 1);
    expect(await done, 'every item handled: none lost on the way out (do the consumers drain the queue before they return?)').toHaveLength(20);
  });

  test('finishes when there are more consumers than items, and with no items', async () => {
    const h = controlledHandler();
    const done = runPipeline([7, 8], h.handle, { consumers: 4, capacity: 3 });
    await drive(done, h);
    expect(await done).toEqual(['done 7', 'done 8']);
    const none = runPipeline([], h.handle, { consumers: 2, capacity: 1 });
    await drive(none, h);
    expect(await none).toEqual([]);
  });

  test('rejects with the first handler error, stops reading the source and starts no new handler', async () => {
    const h = controlledHandler();
    const { source, seen } = countingSource(20);
    const done = runPipeline(source, h.handle, { consumers: 2, capacity: 2 });
    const state = watch(done);
    await settle();
    const failing = h.open().find((c) => c.item === 1);
    expect(failing, 'with 2 consumers, items 0 and 1 should both be in handle()').toBeDefined();
    h.answer(failing!, new Error('item 1 is broken'));
    await settle();
    const started = h.calls.length;
    // The other consumer's item is still in flight; answer it so the pipeline can end.
    for (const c of h.open()) h.answer(c);
    await settle();
    expect(state.now.state).toBe('rejected');
    expect((state.now as { reason: Error }).reason.message).toBe('item 1 is broken');
    expect(h.calls.length, 'no handle() call may start after the failure').toBe(started);
    expect(seen.pulled, 'the source should not be read to its end after a failure').toBeLessThan(20);
    expect(seen.closed, 'stopping a for…of over the source closes it (its finally runs)').toBe(true);
  });

  test('rejects consumers or capacity that are not integers >= 1, naming them', async () => {
    await expect(runPipeline([1], async (n) => n, { consumers: 0, capacity: 1 })).rejects.toThrow('consumers must be an integer >= 1, got 0');
    await expect(runPipeline([1], async (n) => n, { consumers: 1, capacity: 2.5 })).rejects.toThrow(RangeError);
  });
});
