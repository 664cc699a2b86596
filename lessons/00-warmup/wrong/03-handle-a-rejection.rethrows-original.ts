// Wrong: falls back on ENOENT correctly, but lets other errors through unchanged. The
// caller gets a bare "EACCES: permission denied" or "Unexpected token" with no word on
// which file, or that settings were being loaded.
export async function loadJson<T>(read: () => Promise<string>, fallback: T): Promise<T> {
  try {
    return JSON.parse(await read()) as T;
  } catch (error) {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}
