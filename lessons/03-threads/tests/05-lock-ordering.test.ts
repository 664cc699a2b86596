import { AtomicMutex } from '@interleave/toolkit';
import { describe, expect, test } from 'vitest';
import { implFile } from '@interleave/lesson-kit/impl';
import { runWorkers } from '@interleave/lesson-kit/testing';
import { type Bank, transfer } from '#impl/05-lock-ordering';

const WORKER = new URL('./support/bank.worker.ts', import.meta.url);
const IMPL = implFile(new URL('../', import.meta.url), '05-lock-ordering');

function newBank(balances: number[]): { balances: SharedArrayBuffer; locks: SharedArrayBuffer; control: SharedArrayBuffer } {
  const shared = new SharedArrayBuffer(balances.length * 4);
  new Int32Array(shared).set(balances);
  const control = new SharedArrayBuffer(4 * (1 + balances.length + 2)); // see Input.control in the worker
  return { balances: shared, locks: new SharedArrayBuffer(balances.length * AtomicMutex.BYTES), control };
}

/** A one-thread Bank for the input checks (no locking needed). */
function localBank(): Bank {
  const cells = [100, 100];
  return { accounts: 2, lock() {}, unlock() {}, balance: (a) => cells[a]!, setBalance: (a, v) => void (cells[a] = v) };
}

describe('transfer()', () => {
  test('two opposite transfers at the worst moment do not deadlock', async () => {
    // Each thread, once it holds its first lock, waits until the other holds one too or
    // waits for ours. Locking `from` first makes both hold one and wait for the other's: a
    // deadlock, which the Bank reports as soon as it exists. A global order makes the second thread wait
    // at the first lock. Neither depends on timing: the worker start-up may take seconds.
    const bank = newBank([100, 100]);
    await runWorkers<number>(
      WORKER,
      IMPL,
      [
        { ...bank, me: 0, plan: [[0, 1]], meet: true },
        { ...bank, me: 1, plan: [[1, 0]], meet: true },
      ],
      { watchdogMs: 3000, stuck: 'two opposite transfers never finished' },
    );
    expect([...new Int32Array(bank.balances)]).toEqual([100, 100]);
  });

  test('many transfers in both directions on two threads keep every balance right', async () => {
    const bank = newBank([1000, 1000, 1000]);
    const there: Array<[number, number]> = [];
    const back: Array<[number, number]> = [];
    for (let i = 0; i < 1500; i++) {
      there.push(i % 2 === 0 ? [0, 1] : [1, 2]);
      back.push(i % 2 === 0 ? [2, 1] : [1, 0]);
    }
    await runWorkers<number>(
      WORKER,
      IMPL,
      [
        { ...bank, me: 0, plan: there, meet: false },
        { ...bank, me: 1, plan: back, meet: false },
      ],
      { watchdogMs: 3000, stuck: '3,000 transfers on two threads never finished' },
    );
    expect([...new Int32Array(bank.balances)], 'every transfer there was matched by one back').toEqual([1000, 1000, 1000]);
    const locks = new Int32Array(bank.locks);
    expect([...locks].filter((_, i) => i % 2 === 0), 'every lock is free at the end').toEqual([0, 0, 0]);
  });

  test('rejects bad input with a RangeError that names the parameter', () => {
    expect(() => transfer(localBank(), 0, 0, 5)).toThrow(RangeError);
    expect(() => transfer(localBank(), 0, 2, 5)).toThrow(/to/);
    expect(() => transfer(localBank(), -1, 1, 5)).toThrow(/from/);
    expect(() => transfer(localBank(), 0, 1, 0)).toThrow(/amount/);
    expect(() => transfer(localBank(), 0, 1, 2.5)).toThrow(RangeError);
  });
});
