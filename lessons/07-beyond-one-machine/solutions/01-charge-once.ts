import type { Redis } from 'ioredis';

export interface Order {
  orderId: string;
  amount: number;
}

export interface Payments {
  charge(orderId: string, amount: number): Promise<void>;
}

/**
 * Exercise 1 — charge an order once (solution).
 *
 * `SET key value NX` sets the key only if it does not exist and says whether it did, in one
 * command: Redis runs commands one at a time, so of two workers claiming the same order,
 * exactly one gets "OK". The claim is released if the charge itself fails, so a retry can
 * still charge.
 */
export async function chargeOnce(redis: Redis, order: Order, payments: Payments): Promise<'charged' | 'duplicate'> {
  if (typeof order?.orderId !== 'string' || order.orderId === '') {
    throw new TypeError(`chargeOnce: order.orderId must be a non-empty string, got ${JSON.stringify(order?.orderId)}`);
  }
  if (typeof order.amount !== 'number' || !Number.isFinite(order.amount) || order.amount <= 0) {
    throw new RangeError(`chargeOnce: order.amount must be a finite number > 0, got ${order.amount}`);
  }
  const key = `charged:${order.orderId}`;
  const claimed = await redis.set(key, String(order.amount), 'NX');
  if (claimed !== 'OK') return 'duplicate';
  try {
    await payments.charge(order.orderId, order.amount);
  } catch (error) {
    await redis.del(key);
    throw error;
  }
  return 'charged';
}
