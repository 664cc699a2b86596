/**
 * Exercise 3 — fix a lost update across an `await`.
 *
 * A wallet pays out only what it holds, and every withdrawal must be approved (by a fraud
 * check, a second service…) before the money leaves. This version looks right and is wrong:
 *
 * ```ts ignore
 * async withdraw(amount) {
 *   if (this.#balance < amount) return false;   // check
 *   await this.#approve(amount);                // …other tasks run here…
 *   this.#balance -= amount;                    // act — on a balance another task changed
 *   return true;
 * }
 * ```
 *
 * There is one thread and no threads API in sight, yet two withdrawals of 70 from 100 both
 * pass the check, both await, both subtract: the balance ends at −40.
 *
 * Make `withdraw` right when many calls overlap:
 * - resolve `false` without calling `approve` when the balance is too small;
 * - otherwise call `approve(amount)` and await it, then subtract and resolve `true`;
 *   `approve` is called only for withdrawals that then succeed (no approval for money that
 *   is not there), so a later withdrawal must check the balance *after* the earlier ones finished;
 * - overlapping calls are served in the order they were made;
 * - if `approve` rejects, `withdraw` rejects with that error, the balance is unchanged, and the
 *   next withdrawal proceeds;
 * - `amount` must be a finite number > 0, else reject with a `RangeError` naming it.
 *
 * The toolkit's `Mutex` (`import { Mutex } from '@interleave/toolkit'`) serves waiters in
 * order: `await mutex.runExclusive(async () => { … })`.
 *
 * @example
 * ```ts
 * const wallet = new Wallet(100, async () => {});
 * const [a, b] = await Promise.all([wallet.withdraw(70), wallet.withdraw(70)]);
 * console.log(a, b, wallet.balance); // true false 30
 * ```
 */
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
    // TODO: check amount; then check the balance, await approve and subtract — with no other withdrawal in between.
    throw new Error('Not implemented: Wallet.withdraw');
  }
}
