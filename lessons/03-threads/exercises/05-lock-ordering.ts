/**
 * Exercise 5 — lock ordering: move money without deadlock.
 *
 * A bank keeps one lock per account; many threads call `transfer` at once. To move money
 * you must hold the locks of **both** accounts while you read and write their balances.
 *
 * The trap: thread 1 moves 0 → 1 and locks account 0, then 1. Thread 2 moves 1 → 0 and locks
 * account 1, then 0. Each holds one lock and waits for the other's — forever. That is a
 * deadlock. The cure is a rule every thread follows: always take locks in one global order,
 * e.g. the lower account number first, whatever the direction of the transfer.
 *
 * - Check the inputs first: `from !== to`, both valid accounts (integers in
 *   `[0, bank.accounts)`), `amount` an integer > 0. Otherwise throw a `RangeError` naming the
 *   parameter and the value. (No overdraft check: balances may go negative.)
 * - Lock both accounts (in order!), move `amount` with `bank.balance` / `bank.setBalance`,
 *   and unlock both — in a `finally`, so an error cannot leave a lock held.
 *
 * The tests' `Bank` watches who holds and who waits for each account, and reports a
 * deadlock the moment two threads wait for each other, so a wrong order fails with a
 * message instead of hanging.
 *
 * @example
 * ```ts
 * // bank: a Bank shared by several worker threads
 * // transfer(bank, 0, 1, 25); // in thread 1
 * // transfer(bank, 1, 0, 10); // in thread 2, at the same time: no deadlock
 * ```
 */
export interface Bank {
  /** Number of accounts: 0 … accounts - 1. */
  readonly accounts: number;
  /** Blocks until this thread holds the lock of `account`. */
  lock(account: number): void;
  unlock(account: number): void;
  /** Reads a balance; only while holding that account's lock. */
  balance(account: number): number;
  /** Writes a balance; only while holding that account's lock. */
  setBalance(account: number, value: number): void;
}

export function transfer(bank: Bank, from: number, to: number, amount: number): void {
  // TODO: validate, lock the lower-numbered account first, move the money, unlock in finally.
  throw new Error('Not implemented: transfer');
}
