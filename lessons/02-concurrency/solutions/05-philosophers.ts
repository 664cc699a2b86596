import type { ScheduleTask } from '@interleave/toolkit/testing';
import type { Table } from '../lib/table.ts';

/**
 * Exercise 5 — dining philosophers, without deadlock and without starvation (solution).
 *
 * Deadlock needs a cycle of "holds one, waits for the next". Number the forks and let
 * everyone take the lower-numbered one first: the last philosopher (forks n−1 and 0) then
 * reaches for fork 0 first, like its left neighbour, and the cycle can never close (the
 * same rule as lock ordering in lesson 03).
 *
 * Starvation is a fairness question: each fork serves its queue first come, first served,
 * so a philosopher that waits is passed over at most once per neighbour.
 */
export function* philosopher(table: Table, id: number, meals = 1): ScheduleTask {
  const [left, right] = table.forksOf(id);
  const order = [Math.min(left, right), Math.max(left, right)];
  for (let meal = 0; meal < meals; meal++) {
    for (const f of order) {
      const fork = table.forks[f]!;
      fork.queue.push(id);
      yield { until: () => fork.holder === null && fork.queue[0] === id, label: `wait for fork ${f}` };
      fork.queue.shift();
      fork.holder = id;
    }
    table.startEating(id);
    yield 'eat';
    table.stopEating(id);
    for (const f of order) table.forks[f]!.holder = null;
  }
}
