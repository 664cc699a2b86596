/**
 * Exercise 3 — handle a rejection.
 *
 * `loadJson(read, fallback)` loads a JSON file through `read()`, a function that returns
 * a promise of the file's text (in real code: `() => readFile('settings.json', 'utf8')`).
 * Make it:
 *
 * - resolve to the parsed JSON when `read()` succeeds;
 * - resolve to `fallback` when the file does not exist — `read()` rejects with an error
 *   whose `code` is `'ENOENT'` (that is how Node's `fs` says "no such file");
 * - for every other failure (say `EACCES`, permission denied, or text that is not valid
 *   JSON) reject with a **new** `Error` whose message starts with "could not load JSON: "
 *   followed by the original message, and whose `cause` is the original error — so the
 *   caller learns what this function was doing *and* what went wrong underneath.
 *
 * Missing settings are normal; unreadable settings are a bug to report, not to hide.
 *
 * @example
 * ```ts
 * const settings = await loadJson(() => Promise.resolve('{"theme":"dark"}'), {}); // { theme: 'dark' }
 * const missing = Object.assign(new Error('no such file'), { code: 'ENOENT' });
 * const defaults = await loadJson(() => Promise.reject(missing), { theme: 'light' }); // { theme: 'light' }
 * ```
 */
export async function loadJson<T>(read: () => Promise<string>, fallback: T): Promise<T> {
  // TODO: await read() inside try/catch; return the fallback only for ENOENT; wrap the rest.
  throw new Error('Not implemented: loadJson');
}
