// Wrong: each child adds its square to a shared total in Redis, and the parent reads the
// total. A child that runs twice (it crashed after the INCRBY, or was retried) adds twice.
import type { FlowJob, Job } from 'bullmq';
import type { Redis } from 'ioredis';

const ATTEMPTS = 3;

export function sumOfSquaresFlow(queueName: string, values: number[]): FlowJob {
  if (typeof queueName !== 'string' || queueName === '') throw new TypeError(`sumOfSquaresFlow: queueName must be a non-empty string, got ${JSON.stringify(queueName)}`);
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new RangeError(`sumOfSquaresFlow: values must be a non-empty array of finite numbers, got ${JSON.stringify(values)}`);
  }
  return {
    name: 'sum',
    queueName,
    data: {},
    children: values.map((value) => ({ name: 'square', queueName, data: { value }, opts: { attempts: ATTEMPTS } })),
  };
}

export async function square(job: Job<{ value: number }>, redis: Redis): Promise<number> {
  const s = job.data.value * job.data.value;
  await redis.incrby(`total:${job.parent?.id}`, s);
  return s;
}

export async function sum(job: Job, redis: Redis): Promise<number> {
  return Number((await redis.get(`total:${job.id}`)) ?? 0);
}
