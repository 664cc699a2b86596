/**
 * Exercise 3 — mapLimit (reference solution).
 *
 * `limit` workers share one cursor into `items`. Each takes the next index, awaits
 * `fn`, and takes another — so a slot is refilled the moment it frees up, and never more
 * than `limit` calls are running.
 *
 * @example
 * ```ts
 * const pages = await mapLimit(['/a', '/b', '/c', '/d'], 2, (path) => fetch(`http://127.0.0.1:8080${path}`).then((r) => r.text()));
 * ```
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`mapLimit: limit must be an integer >= 1, got ${limit}`);
  }
  // Results go to their input position, whatever order the calls finish in.
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;

  async function worker(): Promise<void> {
    // The check and the increment run without an await between them, so two workers can
    // never take the same index: code between two awaits runs to the end undisturbed.
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, index);
      } catch (error) {
        // Stop every worker from *starting* more work. Calls already running finish on
        // their own (we cannot stop them without a signal — exercise 6 adds one).
        failed = true;
        throw error;
      }
    }
  }

  // Promise.all rejects with the first worker's error; it also handles the later ones,
  // so a second failure is never an unhandled rejection.
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
