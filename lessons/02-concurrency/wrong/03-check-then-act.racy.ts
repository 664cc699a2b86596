// Wrong: the original — check, await, act. While one withdrawal awaits its approval,
// another passes the same check on the same balance, and both subtract.
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
    this.#balance -= amount;
    return true;
  }
}
