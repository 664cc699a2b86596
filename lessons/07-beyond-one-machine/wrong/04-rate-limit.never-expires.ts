// Wrong: counts atomically but never starts the window's clock: once `max` calls are
// used up, the limit is closed for good.
import type { Redis } from 'ioredis';

export async function tryAcquire(redis: Redis, key: string, max: number, windowMs: number): Promise<boolean> {
  void windowMs;
  return (await redis.incr(key)) <= max;
}
