import type { Redis } from 'ioredis';

// Redis runs a Lua script as one command: no other client's command runs in between. The
// first INCR of a window (the count is 1) also starts the window's clock.
const COUNT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

/**
 * Exercise 4 — one rate limit for every worker (solution): a fixed-window counter in Redis,
 * counted and started atomically by a Lua script.
 */
export async function tryAcquire(redis: Redis, key: string, max: number, windowMs: number): Promise<boolean> {
  if (typeof key !== 'string' || key === '') throw new TypeError(`tryAcquire: key must be a non-empty string, got ${JSON.stringify(key)}`);
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`tryAcquire: max must be an integer ≥ 1, got ${max}`);
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new RangeError(`tryAcquire: windowMs must be an integer ≥ 1, got ${windowMs}`);
  const count = Number(await redis.eval(COUNT_IN_WINDOW, 1, key, windowMs));
  return count <= max;
}
