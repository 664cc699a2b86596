import type { ScheduleTask } from '@interleave/toolkit/testing';
import type { Table } from '../lib/table.ts';

// Wrong: ordered, so no deadlock — but it grabs any free fork without getting in line. A
// neighbour that was waiting for that fork first loses it, and a schedule that keeps
// favouring the grabber starves the one in line.
export function* philosopher(table: Table, id: number, meals = 1): ScheduleTask {
  const [left, right] = table.forksOf(id);
  const order = [Math.min(left, right), Math.max(left, right)];
  for (let meal = 0; meal < meals; meal++) {
    for (const f of order) {
      const fork = table.forks[f]!;
      fork.queue.push(id);
      yield { until: () => fork.holder === null, label: `wait for fork ${f}` };
      fork.queue.splice(fork.queue.indexOf(id), 1);
      fork.holder = id;
    }
    table.startEating(id);
    yield 'eat';
    table.stopEating(id);
    for (const f of order) table.forks[f]!.holder = null;
  }
}
