import type { Redis } from 'ioredis';

/**
 * Exercise 4 — one rate limit, honoured by every worker.
 *
 * A partner's API allows `max` calls per `windowMs`, for your whole company. A limiter
 * inside each worker process does not work: four processes with "10 per second" each make
 * 40. The count has to live where every worker sees it — in Redis — and be updated
 * atomically, or two workers read "9", both call, and both write "10".
 *
 * Write `tryAcquire(redis, key, max, windowMs)`, a fixed-window limiter:
 * - count this call in the counter at `key` and resolve `true` if it is one of the first
 *   `max` calls of the current window, else `false` (the caller waits and tries again);
 * - the first call of a window starts it: the counter disappears `windowMs` after that
 *   first call (`PEXPIRE`), and the next call starts a new window;
 * - the count and the expiry must be atomic: `INCR` returns the new count in one step (no
 *   `GET` first); set the expiry in the same step (a Lua script with `redis.eval`, or
 *   `MULTI`) so a crash between the two cannot leave a counter that never expires;
 * - `max` must be an integer ≥ 1 and `windowMs` an integer ≥ 1, else throw a `RangeError`
 *   naming it.
 *
 * (BullMQ has this built in for a whole queue — the worker option `limiter: { max, duration }`,
 * kept in Redis and shared by every worker of the queue. Here you build the idea yourself,
 * for a limit that is not per queue: per API, per customer…)
 *
 * @example
 * ```ts ignore
 * await tryAcquire(redis, 'rate:partner-api', 2, 1000); // true
 * await tryAcquire(redis, 'rate:partner-api', 2, 1000); // true
 * await tryAcquire(redis, 'rate:partner-api', 2, 1000); // false — until the second is over
 * ```
 */
export async function tryAcquire(redis: Redis, key: string, max: number, windowMs: number): Promise<boolean> {
  // TODO: INCR the counter and set its expiry in one atomic step; true while the count ≤ max.
  throw new Error('Not implemented: tryAcquire');
}
