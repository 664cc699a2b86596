import type { ScheduleTask } from '@interleave/toolkit/testing';
import type { Table } from '../lib/table.ts';

/**
 * Exercise 5 — dining philosophers, without deadlock and without starvation.
 *
 * `n` philosophers sit at a round table with one fork between each pair (see
 * `lib/table.ts`). To eat, a philosopher needs both forks beside it. Write one philosopher
 * as a generator task: it eats `meals` times, then returns. The tests run three (and two)
 * of them under **every schedule** — every choice of who moves at each `yield` — with the
 * toolkit's `exploreSchedules`.
 *
 * Taking a fork is a wait, written so the scheduler knows when you can go on:
 *
 * ```ts ignore
 * fork.queue.push(id);                                   // get in line
 * yield { until: () => fork.holder === null && fork.queue[0] === id, label: `wait for fork ${f}` };
 * fork.queue.shift();                                    // first in line, and it is free:
 * fork.holder = id;                                      // take it
 * ```
 *
 * Then `table.startEating(id)`, `yield 'eat'`, `table.stopEating(id)`, and put both forks
 * down (`holder = null`).
 *
 * - **No deadlock**: if every philosopher takes its left fork first, each can hold one fork
 *   and wait for its neighbour's forever. The tests find that schedule and name the cycle.
 * - **No starvation**: wait in the fork's `queue` and take a fork only when you are first in
 *   line. A philosopher that grabs a free fork while another waits for it (*barging*) can,
 *   under an unlucky schedule, win every time — and the one in line never eats.
 */
export function* philosopher(table: Table, id: number, meals = 1): ScheduleTask {
  // TODO: eat `meals` times: take both forks (in an order that cannot close a cycle), eat, put them down.
  throw new Error('Not implemented: philosopher');
}
