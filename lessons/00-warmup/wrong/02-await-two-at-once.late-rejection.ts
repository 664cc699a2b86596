// Wrong: starts both (good), then awaits them one by one. If the second rejects while
// the first is still running, nobody notices until the first is done: the caller waits
// for nothing, and Node may report the second's rejection as unhandled in the meantime.
export async function both<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const pendingA = first();
  const pendingB = second();
  const a = await pendingA;
  const b = await pendingB;
  return [a, b];
}
