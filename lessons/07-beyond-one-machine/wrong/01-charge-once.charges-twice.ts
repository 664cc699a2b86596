// Wrong: no dedupe at all. Every delivery of the job charges the card again: a retry
// after a failure, a stalled job run again, a duplicate add.
import type { Redis } from 'ioredis';

export interface Order {
  orderId: string;
  amount: number;
}

export interface Payments {
  charge(orderId: string, amount: number): Promise<void>;
}

export async function chargeOnce(redis: Redis, order: Order, payments: Payments): Promise<'charged' | 'duplicate'> {
  void redis;
  await payments.charge(order.orderId, order.amount);
  return 'charged';
}
