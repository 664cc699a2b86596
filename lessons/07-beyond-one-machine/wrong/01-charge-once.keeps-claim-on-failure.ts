// Wrong: the claim is kept when the charge fails, so the retry finds it and never charges.
import type { Redis } from 'ioredis';

export interface Order {
  orderId: string;
  amount: number;
}

export interface Payments {
  charge(orderId: string, amount: number): Promise<void>;
}

export async function chargeOnce(redis: Redis, order: Order, payments: Payments): Promise<'charged' | 'duplicate'> {
  const claimed = await redis.set(`charged:${order.orderId}`, String(order.amount), 'NX');
  if (claimed !== 'OK') return 'duplicate';
  await payments.charge(order.orderId, order.amount);
  return 'charged';
}
