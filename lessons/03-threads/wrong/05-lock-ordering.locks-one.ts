// Wrong: "one lock is enough" — it locks only `from`, then writes `to` unprotected. Another
// thread holding `to`'s lock may be updating it at that moment: a lost update, and money
// appears or vanishes. No deadlock, and usually right — the worst kind of wrong.
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
    bank.setBalance(from, bank.balance(from) - amount);
    bank.setBalance(to, bank.balance(to) + amount);
  } finally {
    bank.unlock(from);
  }
}
