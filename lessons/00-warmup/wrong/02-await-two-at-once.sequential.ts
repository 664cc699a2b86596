// Wrong: awaits the first operation before even starting the second. The results are
// right, but the waits add up (300 ms + 200 ms = 500 ms instead of 300 ms). The most
// common mistake with async/await: each `await` in a row is a full stop.
export async function both<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const a = await first();
  const b = await second();
  return [a, b];
}
