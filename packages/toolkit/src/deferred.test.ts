import { describe, expect, it } from 'vitest';
import { deferred } from './deferred.ts';

describe('deferred', () => {
  it('resolves its promise when resolve() is called, and fulfils with that value', async () => {
    const d = deferred<number>();
    d.resolve(7);
    await expect(d.promise).resolves.toBe(7);
  });

  it('rejects its promise when reject() is called; later calls are ignored', async () => {
    const d = deferred<number>();
    const reason = new Error('no');
    d.reject(reason);
    d.resolve(1);
    await expect(d.promise).rejects.toBe(reason);
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
