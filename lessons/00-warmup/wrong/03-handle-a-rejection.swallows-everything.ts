// Wrong: catches every failure and returns the fallback. A permission error or a broken
// file now looks exactly like a missing one: the program quietly runs on defaults and
// nobody learns why the settings were ignored.
export async function loadJson<T>(read: () => Promise<string>, fallback: T): Promise<T> {
  try {
    return JSON.parse(await read()) as T;
  } catch {
    return fallback;
  }
}
