// Wrong: checks again after the await, so the balance never goes below zero — but both
// withdrawals were approved, and one of them then fails: an approval (a hold on a card, a
// fraud check that was charged for) for money that was never there.
export class Wallet {
  #balance: number;
  readonly #approve: (amount: number) => Promise<void>;

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
    if (this.#balance < amount) return false;
    await this.#approve(amount);
    if (this.#balance < amount) return false;
    this.#balance -= amount;
    return true;
  }
}
