import { describe, expect, test } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { runWorkers } from '@interleave/lesson-kit/testing';
import { countUp } from '#impl/01-atomic-counter';
import { countAtomics } from './support/count-atomics.ts';
import { RACE_SLOTS, type RaceRoundsResult } from './support/race-rounds.ts';

const WORKER = new URL('./support/count-up.worker.ts', import.meta.url);
const IMPL = implFile(new URL('../', import.meta.url), '01-atomic-counter');
/** The counter, the start line, then the race control block (see support/count-up.worker.ts). */
const COUNT_UP_BYTES = (2 + RACE_SLOTS) * 4;

describe('countUp()', () => {
  test('counts on one thread', () => {
    const counter = new Int32Array(new SharedArrayBuffer(3 * 4));
    countUp(counter, 1, 5);
    countUp(counter, 1, 0);
    expect([...counter]).toEqual([0, 5, 0]);
  });

  test('counts with an atomic read-modify-write, not a load and a store', () => {
    // Why test the mechanism too: a lost update needs the two threads on two cores at the
    // same instant. A machine busy with other work may not give them that during a test run,
    // and a racy answer would pass the test below by luck.
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const { calls } = countAtomics(() => countUp(counter, 0, 10));
    expect(counter[0]).toBe(10);
    expect(
      calls.readModifyWrite,
      `countUp made these Atomics calls: ${JSON.stringify(calls.byName)}. A plain ++, or Atomics.load then Atomics.store, ` +
        'lets another thread write in between. Use one atomic read-modify-write such as Atomics.add.',
    ).toBeGreaterThan(0);
  });

  test('loses no increment when two threads count at the same time', async () => {
    // Both threads count 200,000 per round, rounds starting together at a shared-memory
    // start line, until 20 rounds proved that the threads really ran in parallel (or a total
    // came out wrong). A plain `counter[0]++` loses updates in such rounds; Atomics never does.
    const shared = new SharedArrayBuffer(COUNT_UP_BYTES);
    const times = 200_000;
    const [result] = await runWorkers<RaceRoundsResult>(WORKER, IMPL, [0, 1].map((me) => ({ shared, me, times })), {
      watchdogMs: 3000,
      stuck: 'two threads counting in rounds did not finish',
    });
    const total = Atomics.load(new Int32Array(shared), 0);
    if (process.env.RACE_DEBUG) console.log('RACE', JSON.stringify(result));
    const expected = 2 * times * result!.rounds;
    expect(
      total,
      `after ${result!.rounds} rounds of two threads adding ${times} each, the counter says ${total} instead of ${expected}: ` +
        `${expected - total} increments were lost. A read followed by a write lets the other thread write in between — use one atomic read-modify-write.`,
    ).toBe(expected);
  });

  test('rejects a bad `times` or `index` with a RangeError that names it', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    expect(() => countUp(counter, 0, -1)).toThrow(RangeError);
    expect(() => countUp(counter, 0, 1.5)).toThrow(/times/);
    expect(() => countUp(counter, 1, 1)).toThrow(RangeError);
    expect(() => countUp(counter, 1, 1)).toThrow(/index/);
    expect(counter[0], 'nothing is counted when the input is bad').toBe(0);
  });
});
