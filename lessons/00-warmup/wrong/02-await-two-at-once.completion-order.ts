// Wrong: both operations overlap, but results are collected in the order they finish.
// When the second finishes first, the caller gets [second, first] — and destructures
// `const [user, posts]` into the wrong names.
export async function both<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const results: unknown[] = [];
  await Promise.all([first().then((a) => results.push(a)), second().then((b) => results.push(b))]);
  return results as [A, B];
}
