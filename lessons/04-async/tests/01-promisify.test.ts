import { expect, test } from 'vitest';
import { promisify } from '#impl/01-promisify';
import { legacyGet, sloppyGet } from './support/legacy-get.ts';
import { observe, startServer, turns, waitFor } from './support/helpers.ts';

test('the promise resolves with the value the callback passed (a real GET on the practice server)', async () => {
  const server = await startServer();
  const get = promisify(legacyGet);
  const body = await get(server.url('/hello'));
  expect(JSON.parse(body)).toEqual({ path: '/hello', seq: 1 });
});

test('the promise rejects with the error the callback passed, itself', async () => {
  const server = await startServer();
  const get = promisify(legacyGet);
  await expect(get(server.url('/status/500'))).rejects.toThrow(/HTTP 500/);
  const boom = new Error('boom');
  const failing = promisify((callback: (error: unknown) => void) => callback(boom));
  await expect(failing(), 'reject with the callback\'s error object, not a new one').rejects.toBe(boom);
});

test('callback(undefined, value) and callback(null, value) both mean success', async () => {
  const withUndefined = promisify<[number], number>((n, callback) => setImmediate(() => callback(undefined, n * 2)));
  const withNull = promisify<[number], number>((n, callback) => setImmediate(() => callback(null, n * 3)));
  expect(await withUndefined(2), 'an error of undefined is no error').toBe(4);
  expect(await withNull(2)).toBe(6);
});

test('a synchronous throw in fn becomes a rejection, not a throw at the call', async () => {
  const get = promisify(legacyGet);
  let pending: Promise<string> | undefined;
  expect(() => {
    pending = get(42 as unknown as string);
  }, 'the call threw: catch the synchronous error and reject the promise with it').not.toThrow();
  await expect(pending).rejects.toThrow(/url must be a string/);
});

test('this is passed through to fn', async () => {
  const api = {
    prefix: 'item-',
    lookup(this: { prefix: string } | undefined, id: number, callback: (error: unknown, value?: string) => void): void {
      // Without `this`, the prefix is missing and the answer comes out as "undefined7".
      const prefix = String(this?.prefix);
      setImmediate(() => callback(null, prefix + id));
    },
    lookupAsync: undefined as unknown as (id: number) => Promise<string>,
  };
  api.lookupAsync = promisify(api.lookup);
  expect(await api.lookupAsync(7), 'call fn with the same `this` (fn.call(this, …) inside a `function`)').toBe('item-7');
});

test('settles once when the API calls back twice: the first answer wins, nothing unhandled', async () => {
  const server = await startServer();
  let calls = 0;
  const counted = (url: string, callback: (error: Error | null | undefined, body?: string) => void): void =>
    sloppyGet(url, (error, body) => {
      calls++;
      callback(error, body);
    });
  const get = promisify(counted);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const result = observe(get(server.url('/twice')));
    await waitFor(() => calls === 2, 'the sloppy API never called back a second time');
    await turns(20);
    expect(result.state, 'the first callback was a success').toBe('fulfilled');
    expect(JSON.parse(result.value!)).toEqual({ path: '/twice', seq: 1 });
    expect(unhandled, 'the second callback caused an unhandled rejection').toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('promisify(notAFunction) throws a TypeError naming fn', () => {
  expect(() => promisify(42 as never)).toThrow(TypeError);
  expect(() => promisify(42 as never)).toThrow(/fn/);
});
