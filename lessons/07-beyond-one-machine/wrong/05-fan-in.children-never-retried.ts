// Wrong: the children get one attempt each. One failure and the parent waits for ever in
// "waiting-children".
import type { FlowJob, Job } from 'bullmq';
import type { Redis } from 'ioredis';

const ATTEMPTS = 1;

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
  void redis;
  return job.data.value * job.data.value;
}

export async function sum(job: Job, redis: Redis): Promise<number> {
  void redis;
  const values = await job.getChildrenValues<number>();
  return Object.values(values).reduce((total, v) => total + v, 0);
}
