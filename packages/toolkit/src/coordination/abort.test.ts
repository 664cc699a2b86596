/**
 * The abort-at-every-await harness over every coordination primitive and the core waits:
 * each scenario is aborted before it starts, at its start and after every step in turn;
 * each run must reject with exactly the signal's reason (or fulfil when the abort came
 * too late), leave no listener and no timer, and leave the primitive idle with its counts
 * adding up.
 */
import { describe, expect, it } from 'vitest';
import { Barrier } from './barrier.ts';
import { Channel } from './channel.ts';
import { Condition } from './condition.ts';
import { BrokenBarrierError } from './errors.ts';
import { Event } from './event.ts';
import { LifoQueue } from './lifo-queue.ts';
import { Mutex } from './mutex.ts';
import { PriorityQueue } from './priority-queue.ts';
import { Queue } from './queue.ts';
import { Semaphore } from './semaphore.ts';
import { sleep } from '../core/sleep.ts';
import { abortAtEveryAwait } from '../testing/abort-at-every-await.ts';
import type { AbortReport } from '../testing/abort-at-every-await.ts';
import { withTimeout } from '../core/with-timeout.ts';

/**
 * Waits for every promise, then rethrows the first failure — preferring one that is not
 * `secondary` (errors other parties get *because* of the abort, like BrokenBarrierError).
 */
async function settleAll(promises: Promise<unknown>[], secondary?: (e: unknown) => boolean): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((e) => !secondary?.(e)) ?? failures[0];
}

/** Every report must show aborts that took effect and runs that got through. */
function expectBothOutcomes(report: AbortReport): void {
  expect(report.rejected, 'aborts that took effect').toBeGreaterThanOrEqual(2);
  expect(report.runs).toBe(report.steps + 2);
}

describe('abort at every await', () => {
  it('Mutex: lock, runExclusive and a signal-less waiter queued behind aborted ones', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ mutex: new Mutex(), inside: 0, peak: 0 }),
      async scenario(s, signal) {
        const critical = async (): Promise<void> => {
          s.peak = Math.max(s.peak, ++s.inside);
          await Promise.resolve();
          s.inside--;
        };
        const held = await s.mutex.lock({ signal });
        const calls = [
          s.mutex.lock({ signal }).then(async (p) => {
            await critical();
            p.release();
          }),
          s.mutex.runExclusive(critical, { signal }),
          s.mutex.runExclusive(critical), // no signal: must still get its turn
        ];
        await Promise.resolve();
        held.release();
        await settleAll(calls);
      },
      check(s) {
        expect(s.mutex.locked, 'lock left held').toBe(false);
        expect(s.mutex.waiting, 'waiters left').toBe(0);
        expect(s.peak, 'two holders at once').toBeLessThanOrEqual(1);
      },
    });
    expectBothOutcomes(report);
  });

  it('Semaphore: more acquirers than permits, with and without the signal', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ semaphore: new Semaphore(2), inside: 0, peak: 0 }),
      async scenario(s, signal) {
        const work = async (): Promise<void> => {
          s.peak = Math.max(s.peak, ++s.inside);
          await Promise.resolve();
          await Promise.resolve();
          s.inside--;
        };
        await settleAll([
          s.semaphore.withPermit(work, { signal }),
          s.semaphore.withPermit(work, { signal }),
          s.semaphore.withPermit(work, { signal }),
          s.semaphore.acquire({ signal }).then(async (p) => {
            await work();
            p.release();
          }),
          s.semaphore.withPermit(work),
        ]);
      },
      check(s) {
        expect(s.semaphore.available, 'permits lost').toBe(2);
        expect(s.semaphore.waiting).toBe(0);
        expect(s.peak).toBeLessThanOrEqual(2);
      },
    });
    expectBothOutcomes(report);
  });

  it('Event: waiters with the signal and one without, set after a few turns', async () => {
    const report = await abortAtEveryAwait({
      setup: () => new Event(),
      async scenario(event, signal) {
        const waits = [event.wait({ signal }), event.wait({ signal }), event.wait()];
        await Promise.resolve();
        await Promise.resolve();
        event.set();
        await settleAll(waits);
        event.clear();
        const again = event.wait({ signal });
        await Promise.resolve();
        event.set();
        await again;
      },
      check(event) {
        expect(event.waiting, 'waiters left').toBe(0);
        expect(event.isSet).toBe(true);
      },
    });
    expectBothOutcomes(report);
  });

  it('Condition: a consumer in waitFor and a producer that notifies, both abortable', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ condition: new Condition(), items: [] as number[], taken: [] as number[] }),
      async scenario(s, signal) {
        const consumer = (async () => {
          for (let i = 0; i < 2; i++) {
            const permit = await s.condition.lock({ signal });
            try {
              await s.condition.waitFor(() => s.items.length > 0, { signal });
              s.taken.push(s.items.shift()!);
            } finally {
              permit.release();
            }
          }
        })();
        const producer = (async () => {
          for (const n of [1, 2]) {
            await Promise.resolve();
            const permit = await s.condition.lock({ signal });
            s.items.push(n);
            s.condition.notify();
            permit.release();
          }
        })();
        await settleAll([consumer, producer]);
      },
      check(s, outcome) {
        expect(s.condition.locked, 'lock left held').toBe(false);
        expect(s.condition.waiting, 'waiters left').toBe(0);
        if (outcome.status === 'fulfilled') expect(s.taken).toEqual([1, 2]);
      },
    });
    expectBothOutcomes(report);
  });

  it('Barrier: three parties with the signal; broken rounds reject, a reset barrier works again', async () => {
    const report = await abortAtEveryAwait({
      setup: () => new Barrier(3),
      async scenario(barrier, signal) {
        const party = async (turns: number): Promise<number> => {
          for (let i = 0; i < turns; i++) await Promise.resolve();
          return barrier.wait({ signal });
        };
        await settleAll([party(0), party(1), party(2)], (e) => e instanceof BrokenBarrierError);
      },
      async check(barrier) {
        expect(barrier.waiting, 'parties left waiting').toBe(0);
        barrier.reset();
        const indexes = await Promise.all([barrier.wait(), barrier.wait(), barrier.wait()]);
        expect([...indexes].sort()).toEqual([0, 1, 2]);
      },
    });
    expectBothOutcomes(report);
  });

  for (const make of [
    () => new Queue<number>({ maxSize: 1 }),
    () => new PriorityQueue<number>({ maxSize: 1 }),
    () => new LifoQueue<number>({ maxSize: 1 }),
  ]) {
    it(`${make().constructor.name}: bounded producer, consumer with taskDone, and a joiner`, async () => {
      const report = await abortAtEveryAwait({
        setup: () => ({ queue: make(), put: 0, taken: 0 }),
        async scenario(s, signal) {
          const producer = (async () => {
            for (let i = 0; i < 3; i++) {
              await s.queue.put(i, { signal });
              s.put++;
            }
          })();
          const consumer = (async () => {
            for (let i = 0; i < 3; i++) {
              await s.queue.get({ signal });
              s.taken++;
              s.queue.taskDone();
            }
          })();
          await settleAll([producer, consumer]);
          await s.queue.join({ signal });
        },
        check(s) {
          const { getters, putters, joiners } = s.queue.waiting;
          expect(getters + putters + joiners, 'waiters left').toBe(0);
          expect(s.put, 'items put = taken + left').toBe(s.taken + s.queue.size);
          expect(s.queue.unfinished, 'unfinished = items left').toBe(s.queue.size);
        },
      });
      expectBothOutcomes(report);
    });
  }

  for (const capacity of [0, 1]) {
    it(`Channel (capacity ${capacity}): producer that closes, consumer in for await`, async () => {
      const report = await abortAtEveryAwait({
        setup: () => ({ channel: new Channel<number>({ capacity }), sent: 0, received: 0 }),
        async scenario(s, signal) {
          const producer = (async () => {
            try {
              for (let i = 0; i < 3; i++) {
                await s.channel.send(i, { signal });
                s.sent++;
              }
            } finally {
              s.channel.close();
            }
          })();
          const consumer = (async () => {
            for await (const _ of s.channel.values({ signal })) s.received++;
          })();
          await settleAll([producer, consumer]);
        },
        check(s, outcome) {
          expect(s.channel.waiting, 'waiters left').toEqual({ senders: 0, receivers: 0 });
          expect(s.channel.closed).toBe(true);
          expect(s.sent, 'values sent = received + buffered').toBe(s.received + s.channel.size);
          if (outcome.status === 'fulfilled') expect(s.received).toBe(3);
        },
      });
      expectBothOutcomes(report);
    });
  }

  it('sleep and withTimeout: timers and listeners are cleared at every abort point', async () => {
    const report = await abortAtEveryAwait({
      setup: () => ({ handedAborted: false as boolean | undefined }),
      async scenario(s, signal) {
        await sleep(1, { signal });
        await withTimeout(
          async (inner) => {
            await sleep(2, { signal: inner });
            return 'done';
          },
          1_000,
          { signal },
        );
        await withTimeout((inner) => sleep(1_000, { signal: inner }), 1, { signal }).catch((e: unknown) => {
          if ((e as DOMException).name !== 'TimeoutError') throw e;
        });
      },
      step: 'timer',
      maxSteps: 200,
    });
    expectBothOutcomes(report);
  });
});
