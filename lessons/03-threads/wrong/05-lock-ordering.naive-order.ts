// Wrong: locks `from`, then `to`. A transfer 0 → 1 in one thread and 1 → 0 in another each
// take their first lock, then wait forever for the other's: a deadlock. (The tests' Bank
// sees the cycle and reports it.)
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

  bank.lock(from);
  try {
    bank.lock(to);
    try {
      bank.setBalance(from, bank.balance(from) - amount);
      bank.setBalance(to, bank.balance(to) + amount);
    } finally {
      bank.unlock(to);
    }
  } finally {
    bank.unlock(from);
  }
}
