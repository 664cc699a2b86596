// Wrong: handles nothing. A missing file — the normal first-run case — rejects instead
// of falling back to the defaults.
export async function loadJson<T>(read: () => Promise<string>, _fallback: T): Promise<T> {
  return JSON.parse(await read()) as T;
}
