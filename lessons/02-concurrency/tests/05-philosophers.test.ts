import { describe, expect, test } from 'vitest';
import { exploreSchedules, type ScheduleTask } from '@interleave/toolkit/testing';
import { philosopher } from '#impl/05-philosophers';
import { Table, type Fork } from '../lib/table.ts';
import { waitForCycle } from './support/wait-for.ts';

interface World {
  table: Table;
  /** The forks as they were after the previous step, to see who took a fork from whom. */
  before: Array<{ holder: number | null; queue: number[] }>;
}

const snapshot = (forks: Fork[]) => forks.map((f) => ({ holder: f.holder, queue: [...f.queue] }));

/** Runs `size` philosophers under every schedule; fails with the schedule and, on a deadlock, the wait-for cycle. */
function everySchedule(size: number, meals: number) {
  const result = exploreSchedules<World>({
    setup: () => {
      const table = new Table(size);
      const tasks: Record<string, ScheduleTask<unknown>> = {};
      for (let id = 0; id < size; id++) tasks[`P${id}`] = philosopher(table, id, meals);
      return { state: { table, before: snapshot(table.forks) }, tasks };
    },
    invariant: ({ table, before }) => {
      table.forks.forEach((fork, f) => {
        const was = before[f]!;
        if (fork.holder !== null && fork.holder !== was.holder) {
          if (was.holder !== null) throw new Error(`philosopher ${fork.holder} took fork ${f} while philosopher ${was.holder} held it`);
          const first = was.queue[0];
          if (first !== undefined && first !== fork.holder) {
            throw new Error(
              `philosopher ${fork.holder} took fork ${f} while philosopher ${first} was first in line for it. ` +
                'Take a fork only when you are first in its queue: a philosopher who can be passed over again and again starves',
            );
          }
        }
      });
      table.eating.forEach((eats, id) => {
        if (eats && table.eating[(id + 1) % size]) throw new Error(`neighbours ${id} and ${(id + 1) % size} eat at the same time`);
      });
      for (const [i, fork] of snapshot(table.forks).entries()) before[i] = fork;
    },
    check: ({ table }) => {
      if (table.meals.some((m) => m !== meals)) throw new Error(`meals eaten: [${table.meals.join(', ')}], expected ${meals} each`);
      if (table.forks.some((f) => f.holder !== null)) throw new Error('a philosopher finished without putting its forks down');
    },
    key: ({ table }) => JSON.stringify(table.meals),
    maxSchedules: 200_000,
  });
  if (!result.ok) {
    const { violation } = result;
    // The first line is what the runner shows: put the cycle there.
    const first =
      violation.kind === 'deadlock'
        ? `deadlock after schedule ${violation.schedule.join(' ')} — wait-for cycle: ${waitForCycle(violation.state.table)}. ` +
          'Let every philosopher take its two forks in one shared order (the lower-numbered fork first).\n'
        : '';
    expect.fail(`${first}${violation.message}`);
  }
  return result;
}

describe('philosopher()', () => {
  test('two philosophers eat twice each under every schedule: no deadlock, no barging', () => {
    const result = everySchedule(2, 2);
    expect(result.ends.map((e) => e.key)).toEqual(['[2,2]']);
  });

  test('three philosophers each eat once under every schedule, neighbours never together', () => {
    const result = everySchedule(3, 1);
    expect(result.ends.map((e) => e.key)).toEqual(['[1,1,1]']);
    expect(result.schedules, 'there are many ways to interleave three philosophers').toBeGreaterThan(100);
  });
});
