/**
 * Exercise 3 — handle a rejection (reference solution).
 *
 * Loads JSON through `read()`: the parsed value on success, `fallback` when the file
 * does not exist (`code === 'ENOENT'`), otherwise a rejection with a new `Error` that
 * keeps the original as its `cause`.
 *
 * @example
 * ```ts
 * const settings = await loadJson(() => Promise.resolve('{"theme":"dark"}'), {}); // { theme: 'dark' }
 * const missing = Object.assign(new Error('no such file'), { code: 'ENOENT' });
 * const defaults = await loadJson(() => Promise.reject(missing), { theme: 'light' }); // { theme: 'light' }
 * ```
 */
export async function loadJson<T>(read: () => Promise<string>, fallback: T): Promise<T> {
  let text: string;
  try {
    // The `await` is what makes this try/catch work. A rejected promise only becomes a
    // thrown exception at the `await`; `return read()` without it would hand the promise
    // out of the try block, and its rejection would sail past our catch.
    text = await read();
  } catch (error) {
    // Catch narrowly: only "no such file" means "use the defaults". Anything else
    // (permissions, a disk error) is a real problem, and swallowing it would make the
    // program run with the wrong settings and no clue why.
    if (isNotFound(error)) return fallback;
    throw wrap(error);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    // A file that exists but is broken is also a real problem, reported the same way.
    throw wrap(error);
  }
}

function isNotFound(error: unknown): boolean {
  // `catch` gives us `unknown`: anything can be thrown, so check before reading `.code`.
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function wrap(error: unknown): Error {
  // A new error says what *we* were doing; `cause` keeps what went wrong underneath,
  // with its own stack. Node prints both when it prints the error ("[cause]: …").
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`could not load JSON: ${message}`, { cause: error });
}
