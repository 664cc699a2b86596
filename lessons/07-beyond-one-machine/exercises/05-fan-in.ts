import type { FlowJob, Job } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Exercise 5 — fan out to many workers, fan back in exactly once.
 *
 * Split a job into children that any worker may run, then combine their results in a parent
 * job that runs only when every child has finished. BullMQ calls this a *flow*: a
 * `FlowProducer` adds a parent and its children in one atomic step, the parent waits (state
 * "waiting-children"), and its handler reads what each child returned with
 * `await job.getChildrenValues()` — an object from child key to return value.
 *
 * Children may run more than once (a crash after the work, a retry), so their results must
 * be *returned*, not added to a shared total: BullMQ keeps one return value per child, and a
 * child that runs twice still has one.
 *
 * 1. `sumOfSquaresFlow(queueName, values)` returns the flow: a parent named `'sum'` on
 *    `queueName` with data `{}`, and one child per value, named `'square'`, on the same queue,
 *    with data `{ value }` and `opts: { attempts: 3 }` (a child may fail and be retried).
 *    `values` must be a non-empty array of finite numbers, else throw a `RangeError` naming it.
 * 2. `square(job, redis)` — a child's handler — returns `job.data.value` squared.
 * 3. `sum(job, redis)` — the parent's handler — returns the sum of its children's values.
 *
 * (`redis` is there if you think you need it. You do not.)
 *
 * @example
 * ```ts ignore
 * await new FlowProducer({ connection }).add(sumOfSquaresFlow('maths', [1, 2, 3])); // the parent returns 14
 * ```
 */
export function sumOfSquaresFlow(queueName: string, values: number[]): FlowJob {
  // TODO: { name: 'sum', queueName, data: {}, children: values.map(…) }
  throw new Error('Not implemented: sumOfSquaresFlow');
}

export async function square(job: Job<{ value: number }>, redis: Redis): Promise<number> {
  // TODO
  throw new Error('Not implemented: square');
}

export async function sum(job: Job, redis: Redis): Promise<number> {
  // TODO: add up Object.values(await job.getChildrenValues())
  throw new Error('Not implemented: sum');
}
