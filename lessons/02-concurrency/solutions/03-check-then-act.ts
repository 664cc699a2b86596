import { Mutex } from '@interleave/toolkit';

/**
 * Exercise 3 — fix a lost update across an `await` (solution).
 *
 * The check and the act must see the same balance, and an `await` sits between them (the
 * approval must come before the money leaves). So the whole check–await–act runs under a
 * lock: other withdrawals wait at `runExclusive` instead of acting on a balance that is
 * about to change. The toolkit's Mutex hands the lock to waiters in order (FIFO), and
 * `runExclusive` releases it in a `finally`, so a rejected approval does not leave it held.
 */
export class Wallet {
  #balance: number;
  readonly #approve: (amount: number) => Promise<void>;
  readonly #mutex = new Mutex();

  constructor(balance: number, approve: (amount: number) => Promise<void>) {
    this.#balance = balance;
    this.#approve = approve;
  }

  get balance(): number {
    return this.#balance;
  }

  async withdraw(amount: number): Promise<boolean> {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
      throw new RangeError(`Wallet.withdraw: amount must be a finite number > 0, got ${amount}`);
    }
    return this.#mutex.runExclusive(async () => {
      if (this.#balance < amount) return false;
      await this.#approve(amount);
      this.#balance -= amount;
      return true;
    });
  }
}
