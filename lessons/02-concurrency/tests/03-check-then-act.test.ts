import { describe, expect, test } from 'vitest';
import { Wallet } from '#impl/03-check-then-act';
import { deferred, type Deferred } from '@interleave/lesson-kit/testing';
import { settle, watch } from './support/settle.ts';

/** An approval service the test controls: each call waits until the test lets it through. */
function approvals() {
  const calls: Array<{ amount: number; gate: Deferred<void> }> = [];
  const approve = (amount: number): Promise<void> => {
    const g = deferred<void>();
    calls.push({ amount, gate: g });
    return g.promise;
  };
  return { calls, approve };
}

describe('Wallet.withdraw()', () => {
  test('pays out once, for two overlapping withdrawals of 70 from 100', async () => {
    const { calls, approve } = approvals();
    const wallet = new Wallet(100, approve);
    const first = watch(wallet.withdraw(70));
    const second = watch(wallet.withdraw(70));
    await settle();
    expect(
      calls.map((c) => c.amount),
      'while the first withdrawal awaits its approval, the second must not be checked and approved on the same balance',
    ).toEqual([70]);
    calls[0]!.gate.resolve();
    await settle();
    expect(first.now).toEqual({ state: 'fulfilled', value: true });
    expect(second.now, 'the second withdrawal should see 30 left and resolve false, without an approval').toEqual({ state: 'fulfilled', value: false });
    expect(calls).toHaveLength(1);
    expect(wallet.balance).toBe(30);
  });

  test('never overdraws, whichever approval comes back first', async () => {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0]]) {
      const { calls, approve } = approvals();
      const wallet = new Wallet(100, approve);
      const results = [30, 30, 50].map((amount) => watch(wallet.withdraw(amount)));
      // Answer the waiting approvals, preferring the order given; a correct wallet only ever
      // has one waiting, the others are queued behind its lock.
      const answered = new Set<number>();
      for (let round = 0; round < 6; round++) {
        await settle();
        const next = [...order, ...calls.keys()].find((i) => i < calls.length && !answered.has(i));
        if (next === undefined) break;
        answered.add(next);
        calls[next]!.gate.resolve();
      }
      await settle();
      expect(wallet.balance, `approvals answered in the order ${order.join(', ')}: the balance went below 0`).toBeGreaterThanOrEqual(0);
      expect(results.map((r) => r.now), `approvals answered in the order ${order.join(', ')}`).toEqual([
        { state: 'fulfilled', value: true },
        { state: 'fulfilled', value: true },
        { state: 'fulfilled', value: false },
      ]);
      expect(wallet.balance).toBe(40);
    }
  });

  test('a rejected approval rejects that withdrawal, leaves the balance, and lets the next one through', async () => {
    const { calls, approve } = approvals();
    const wallet = new Wallet(100, approve);
    const first = watch(wallet.withdraw(60));
    const second = watch(wallet.withdraw(60));
    await settle();
    expect(calls.map((c) => c.amount), 'the first withdrawal should be waiting for its approval').toEqual([60]);
    calls[0]!.gate.reject(new Error('card blocked'));
    await settle();
    expect(first.now.state).toBe('rejected');
    expect((first.now as { reason: Error }).reason.message).toBe('card blocked');
    expect(wallet.balance).toBe(100);
    expect(
      calls,
      'after a rejected approval the next withdrawal must go ahead: release the lock in a finally (or use runExclusive)',
    ).toHaveLength(2);
    calls[1]!.gate.resolve();
    await settle();
    expect(second.now).toEqual({ state: 'fulfilled', value: true });
    expect(wallet.balance).toBe(40);
  });

  test('resolves false without asking for approval when the money is not there', async () => {
    const { calls, approve } = approvals();
    const wallet = new Wallet(10, approve);
    expect(await wallet.withdraw(11)).toBe(false);
    expect(calls).toHaveLength(0);
    expect(wallet.balance).toBe(10);
  });

  test('rejects an amount that is not a finite number > 0, naming it', async () => {
    const wallet = new Wallet(10, async () => {});
    await expect(wallet.withdraw(0)).rejects.toThrow(RangeError);
    await expect(wallet.withdraw(Number.NaN)).rejects.toThrow('amount must be a finite number > 0, got NaN');
  });
});
