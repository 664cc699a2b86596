/**
 * Exercise 5 — lock ordering (reference solution).
 *
 * Moves `amount` from one account to another holding both accounts' locks, always taken
 * lower account first, so two opposite transfers can never wait for each other.
 *
 * @example
 * ```ts
 * // transfer(bank, 0, 1, 25); // thread 1
 * // transfer(bank, 1, 0, 10); // thread 2, at the same time: no deadlock
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
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (!Number.isInteger(value) || value < 0 || value >= bank.accounts) {
      throw new RangeError(`transfer: ${name} must be an account in [0, ${bank.accounts - 1}], got ${value}`);
    }
  }
  if (from === to) throw new RangeError(`transfer: from and to must differ, got ${from} for both`);
  if (!Number.isInteger(amount) || amount <= 0) throw new RangeError(`transfer: amount must be an integer > 0, got ${amount}`);

  // The whole fix: a global order. A deadlock needs a cycle — A waits for B while B waits
  // for A. If every thread takes the lower-numbered lock first, a thread holding lock k only
  // ever waits for a lock > k, so no cycle can form.
  const first = Math.min(from, to);
  const second = Math.max(from, to);
  bank.lock(first);
  try {
    bank.lock(second);
    try {
      bank.setBalance(from, bank.balance(from) - amount);
      bank.setBalance(to, bank.balance(to) + amount);
    } finally {
      bank.unlock(second);
    }
  } finally {
    bank.unlock(first);
  }
}
