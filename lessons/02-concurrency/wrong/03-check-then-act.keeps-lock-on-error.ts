import { Mutex } from '@interleave/toolkit';

// Wrong: locks by hand and unlocks only on the happy path. When an approval rejects, the
// lock stays held and every later withdrawal waits forever.
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
    const permit = await this.#mutex.lock();
    if (this.#balance < amount) {
      permit.release();
      return false;
    }
    await this.#approve(amount);
    this.#balance -= amount;
    permit.release();
    return true;
  }
}
