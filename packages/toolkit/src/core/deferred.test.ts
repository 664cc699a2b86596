import { describe, expect, it } from 'vitest';
import { deferred } from './deferred.ts';

describe('deferred', () => {
  it('resolves its promise when resolve() is called, and fulfils with that value', async () => {
    const d = deferred<number>();
    expect(d.state).toBe('pending');
    d.resolve(7);
    expect(d.state).toBe('fulfilled');
    await expect(d.promise).resolves.toBe(7);
  });

  it('rejects its promise when reject() is called; later calls are ignored', async () => {
    const d = deferred<number>();
    const reason = new Error('no');
    d.reject(reason);
    d.resolve(1);
    expect(d.state).toBe('rejected');
    await expect(d.promise).rejects.toBe(reason);
  });

  it('resolving with a pending promise adopts it', async () => {
    const inner = deferred<string>();
    const outer = deferred<string>();
    outer.resolve(inner.promise);
    let value: string | undefined;
    void outer.promise.then((v) => (value = v));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(value).toBeUndefined();
    inner.resolve('late');
    await expect(outer.promise).resolves.toBe('late');
  });

  it('stays pending until settled', async () => {
    const d = deferred();
    let settled = false;
    void d.promise.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    d.resolve();
    await d.promise;
    expect(settled).toBe(true);
  });
});
