// Wrong: reads the count, then increments it — two commands. Every worker that reads
// before the others increment sees room, and they all call.
import type { Redis } from 'ioredis';

export async function tryAcquire(redis: Redis, key: string, max: number, windowMs: number): Promise<boolean> {
  const count = Number((await redis.get(key)) ?? 0);
  if (count >= max) return false;
  await redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
  return true;
}
