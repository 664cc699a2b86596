import { describe, expect, test } from 'vitest';
import { RwLock } from '#impl/06-rw-lock';
import { settle, watch } from './support/settle.ts';

type Held = { readonly now: { state: string; value?: () => void } };
const release = (h: Held): void => {
  if (h.now.state !== 'fulfilled') throw new Error(`expected a granted lock, it is ${h.now.state}`);
  h.now.value!();
};

describe('RwLock', () => {
  test('lets readers share', async () => {
    const lock = new RwLock();
    const a = watch(lock.read());
    const b = watch(lock.read());
    await settle();
    expect(a.now.state).toBe('fulfilled');
    expect(b.now.state, 'two readers should hold the lock at once').toBe('fulfilled');
    expect(lock.readers).toBe(2);
    expect(lock.writing).toBe(false);
  });

  test('keeps a writer out while readers read, and readers out while it writes', async () => {
    const lock = new RwLock();
    const r = watch(lock.read());
    await settle();
    const w = watch(lock.write());
    await settle();
    expect(w.now.state, 'a writer must wait until the reader has released').toBe('pending');
    expect(lock.writing).toBe(false);
    release(r);
    await settle();
    expect(w.now.state).toBe('fulfilled');
    expect([lock.readers, lock.writing]).toEqual([0, true]);
    const r2 = watch(lock.read());
    const w2 = watch(lock.write());
    await settle();
    expect([r2.now.state, w2.now.state], 'nobody may join a writer').toEqual(['pending', 'pending']);
    release(w);
    await settle();
    expect(r2.now.state).toBe('fulfilled');
    expect(w2.now.state).toBe('pending');
  });

  test('a waiting writer blocks readers that come after it', async () => {
    const lock = new RwLock();
    const r1 = watch(lock.read());
    await settle();
    const w = watch(lock.write());
    await settle();
    const r2 = watch(lock.read());
    await settle();
    expect(
      r2.now.state,
      'a reader that asks after a waiting writer must wait for the writer; else overlapping readers can starve it',
    ).toBe('pending');
    release(r1);
    await settle();
    expect(w.now.state, 'the writer goes next').toBe('fulfilled');
    expect(r2.now.state).toBe('pending');
    release(w);
    await settle();
    expect(r2.now.state).toBe('fulfilled');
  });

  test('a writer gets in under a stream of overlapping readers', async () => {
    const lock = new RwLock();
    let reading = watch(lock.read());
    await settle();
    const w = watch(lock.write());
    for (let i = 0; i < 5 && w.now.state === 'pending'; i++) {
      // A new reader arrives before the current one leaves: without writer priority the
      // readers count never drops to 0.
      const next = watch(lock.read());
      await settle();
      release(reading);
      await settle();
      reading = next;
    }
    expect(w.now.state, 'five overlapping readers came and went and the writer was still waiting: it starves').toBe('fulfilled');
  });

  test('when a writer leaves, the readers waiting before the next writer go in together', async () => {
    const lock = new RwLock();
    const w1 = watch(lock.write());
    await settle();
    const r1 = watch(lock.read());
    const r2 = watch(lock.read());
    const w2 = watch(lock.write());
    const r3 = watch(lock.read());
    await settle();
    release(w1);
    await settle();
    expect([r1, r2, w2, r3].map((h) => h.now.state)).toEqual(['fulfilled', 'fulfilled', 'pending', 'pending']);
    release(r1);
    release(r2);
    await settle();
    expect([w2, r3].map((h) => h.now.state)).toEqual(['fulfilled', 'pending']);
  });

  test('throws when a release function is called twice, and the lock stays right', async () => {
    const lock = new RwLock();
    const r1 = watch(lock.read());
    const r2 = watch(lock.read());
    await settle();
    release(r1);
    expect(() => release(r1)).toThrow('already released');
    const w = watch(lock.write());
    await settle();
    expect(w.now.state, 'one reader still reads: the writer must wait').toBe('pending');
    expect(lock.readers).toBe(1);
    release(r2);
    await settle();
    expect(w.now.state).toBe('fulfilled');
  });
});
