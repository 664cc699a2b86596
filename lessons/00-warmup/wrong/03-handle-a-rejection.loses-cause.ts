// Wrong: falls back on ENOENT correctly, but re-throws other failures as a new Error
// without `cause`. The message survives, the original error (its code, its stack, where
// it came from) is gone.
export async function loadJson<T>(read: () => Promise<string>, fallback: T): Promise<T> {
  try {
    return JSON.parse(await read()) as T;
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new Error(`could not load JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
