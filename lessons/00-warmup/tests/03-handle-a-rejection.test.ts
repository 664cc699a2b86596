import { expect, test } from 'vitest';
import { loadJson } from '#impl/03-handle-a-rejection';

// What Node's fs.readFile rejects with: an Error carrying a string `code`.
function fsError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}, open 'settings.json'`), { code });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    // The untouched stub: let its "Not implemented" through as it is.
    if (error instanceof Error && error.message.startsWith('Not implemented')) throw error;
    return error;
  }
  throw new Error('expected loadJson() to reject, but it resolved');
}

test('loadJson() resolves to the parsed JSON when read() succeeds', async () => {
  await expect(loadJson(async () => '{"theme":"dark","fontSize":14}', {})).resolves.toEqual({
    theme: 'dark',
    fontSize: 14,
  });
});

test('loadJson() resolves to the fallback when the file does not exist (code ENOENT)', async () => {
  const fallback = { theme: 'light' };
  const missing = fsError('ENOENT', 'no such file or directory');
  let result: unknown;
  try {
    result = await loadJson(() => Promise.reject(missing), fallback);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Not implemented')) throw error;
    throw new Error(
      `loadJson() rejected for a missing file ("${error instanceof Error ? error.message : String(error)}"); ` +
        'it should resolve to the fallback. (A catch only sees a rejection at an `await` inside its try.)',
    );
  }
  expect(result, 'for a missing file, resolve to the very fallback object passed in').toBe(fallback);
});

test('loadJson() rejects with a new Error whose cause is the original when read() fails otherwise', async () => {
  const denied = fsError('EACCES', 'permission denied');
  const error = await rejectionOf(loadJson(() => Promise.reject(denied), { theme: 'light' }));
  expect(error, 'a failure other than ENOENT must not be turned into the fallback').toBeInstanceOf(Error);
  expect(error, 'wrap the failure in a new Error rather than re-throwing the original').not.toBe(denied);
  expect((error as Error).cause, 'keep the original error as `cause`').toBe(denied);
  expect((error as Error).message).toMatch(/^could not load JSON: /);
  expect((error as Error).message).toContain('permission denied');
});

test('loadJson() rejects, with the SyntaxError as cause, when the text is not valid JSON', async () => {
  const error = await rejectionOf(loadJson(async () => '{"theme": dark}', { theme: 'light' }));
  expect(error, 'a broken file must not be turned into the fallback').toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(/^could not load JSON: /);
  expect((error as Error).cause, 'keep the SyntaxError from JSON.parse as `cause`').toBeInstanceOf(SyntaxError);
});
