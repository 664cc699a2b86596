// Wrong: the try/catch looks right, but the promise is *returned* from the try block
// without `await`. The function leaves the try before the promise settles, so the catch
// never sees its rejection: a missing file rejects instead of giving the fallback.
export async function loadJson<T>(read: () => Promise<string>, fallback: T): Promise<T> {
  try {
    return read().then((text) => JSON.parse(text) as T);
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new Error(`could not load JSON: ${String(error)}`, { cause: error });
  }
}
