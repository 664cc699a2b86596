// Wrong: check, then set — two commands. Two workers with the same order both see no
// key, both set it, both charge.
import type { Redis } from 'ioredis';

export interface Order {
  orderId: string;
  amount: number;
}

export interface Payments {
  charge(orderId: string, amount: number): Promise<void>;
}

export async function chargeOnce(redis: Redis, order: Order, payments: Payments): Promise<'charged' | 'duplicate'> {
  const key = `charged:${order.orderId}`;
  if (await redis.exists(key)) return 'duplicate';
  await redis.set(key, String(order.amount));
  await payments.charge(order.orderId, order.amount);
  return 'charged';
}
