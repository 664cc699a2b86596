// Wrong: a limiter in each process's memory. Every worker process has its own count, so
// the API sees `max` calls per window from each of them.
import type { Redis } from 'ioredis';

const windows = new Map<string, { count: number; endsAt: number }>();

export async function tryAcquire(redis: Redis, key: string, max: number, windowMs: number): Promise<boolean> {
  await redis.ping(); // (it does talk to Redis — just not about the count)
  const now = Date.now();
  let w = windows.get(key);
  if (!w || now >= w.endsAt) windows.set(key, (w = { count: 0, endsAt: now + windowMs }));
  w.count += 1;
  return w.count <= max;
}
