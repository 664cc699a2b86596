// Wrong: Promise.all over every item — no limit at all. Against the practice server the
// peak in flight is the number of items, not `limit`.
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`mapLimit: limit must be an integer >= 1, got ${limit}`);
  return Promise.all(items.map((item, index) => fn(item, index)));
}
