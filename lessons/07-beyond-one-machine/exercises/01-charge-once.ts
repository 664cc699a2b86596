import type { Redis } from 'ioredis';

export interface Order {
  orderId: string;
  amount: number;
}

export interface Payments {
  /** Takes the money. Not idempotent: every call is one more charge on the card. */
  charge(orderId: string, amount: number): Promise<void>;
}

/**
 * Exercise 1 — charge an order once, however often its job runs.
 *
 * A BullMQ queue delivers every job *at least* once: a job whose worker crashed comes back
 * as "stalled" and runs again, a job that failed after the charge is retried, and a
 * producer that timed out may have added the same order twice. Two workers may even run
 * the two copies at the same moment, on two machines.
 *
 * Write the job handler's core so the card is charged once per `orderId`:
 * - claim the order in Redis *atomically* before charging — one command that both checks
 *   and sets, so two workers can never both win (`SET key value NX`, or a Lua script);
 *   a `GET`/`EXISTS` followed by a `SET` is two commands, and another worker runs between them;
 * - the winner calls `payments.charge(orderId, amount)` and resolves `'charged'`;
 *   anyone else resolves `'duplicate'` without charging;
 * - if `charge` rejects, release the claim (so a retry can charge) and reject with its error;
 * - `orderId` must be a non-empty string and `amount` a finite number > 0, else throw a
 *   `TypeError`/`RangeError` naming it.
 *
 * Use the key `charged:<orderId>`.
 *
 * @example
 * ```ts ignore
 * await chargeOnce(redis, { orderId: 'A-1', amount: 30 }, payments); // 'charged'
 * await chargeOnce(redis, { orderId: 'A-1', amount: 30 }, payments); // 'duplicate'
 * ```
 */
export async function chargeOnce(redis: Redis, order: Order, payments: Payments): Promise<'charged' | 'duplicate'> {
  // TODO: claim `charged:<orderId>` with one atomic command, then charge only if you won.
  throw new Error('Not implemented: chargeOnce');
}
