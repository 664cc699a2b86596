import type { ScheduleTask } from '@interleave/toolkit/testing';
import type { Table } from '../lib/table.ts';

// Wrong: everyone takes the left fork, then the right. When all take their left fork at
// once, each waits for a fork its neighbour holds: a cycle, and nobody ever eats.
export function* philosopher(table: Table, id: number, meals = 1): ScheduleTask {
  const [left, right] = table.forksOf(id);
  for (let meal = 0; meal < meals; meal++) {
    for (const f of [left, right]) {
      const fork = table.forks[f]!;
      fork.queue.push(id);
      yield { until: () => fork.holder === null && fork.queue[0] === id, label: `wait for fork ${f}` };
      fork.queue.shift();
      fork.holder = id;
    }
    table.startEating(id);
    yield 'eat';
    table.stopEating(id);
    table.forks[left]!.holder = null;
    table.forks[right]!.holder = null;
  }
}
