/**
 * `gather(...awaitables)`: run awaitables concurrently and collect their results in order
 * (asyncio's `gather`, without `return_exceptions`).
 *
 * @module
 */
import { CancelledError } from '../coordination/errors.ts';
import { getRunningLoop } from './event-loop.ts';
import type { EventLoop } from './event-loop.ts';
import { ensureFuture } from './ensure-future.ts';
import { Future } from './future.ts';
import type { Awaitable } from './future.ts';

/** The value an awaitable produces. */
export type AwaitedValue<X> = X extends Future<infer T> ? T : X extends Generator<unknown, infer T, unknown> ? T : never;

/** The future `gather` returns: cancelling it cancels every child that is not done. */
class GatheringFuture<T> extends Future<T> {
  readonly #children: readonly Future<unknown>[];
  cancelRequested = false;

  constructor(loop: EventLoop, children: readonly Future<unknown>[]) {
    super(loop);
    this.#children = children;
  }

  override describe(): string {
    return 'gather';
  }

  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let any = false;
    for (const child of this.#children) if (child.cancel(msg)) any = true;
    if (any) this.cancelRequested = true;
    return any;
  }
}

/**
 * Starts every coroutine as a task now and returns a future of all results, in argument
 * order. The first failure (or a child's cancellation) fails the gather at once — the other
 * children keep running; cancelling the gather cancels the children. Inside a task:
 * `const [a, b] = yield* gather(x(), y())`.
 *
 * @example
 * ```ts
 * import { EventLoop, aio } from '@interleave/toolkit';
 * const loop = new EventLoop();
 * function* after(ms: number, value: string): aio.Coroutine<string> {
 *   yield aio.sleep(ms);
 *   return value;
 * }
 * const both = await loop.runUntilComplete((function* () {
 *   return yield* aio.gather(after(20, 'slow'), after(10, 'fast'));
 * })());
 * console.log(both, loop.time()); // ['slow', 'fast'] 20
 * ```
 */
export function gather<const A extends readonly Awaitable<unknown>[]>(...awaitables: A): Future<{ -readonly [K in keyof A]: AwaitedValue<A[K]> }> {
  type Results = { -readonly [K in keyof A]: AwaitedValue<A[K]> };
  const firstFuture = awaitables.find((a) => a instanceof Future);
  const loop = firstFuture instanceof Future ? firstFuture.loop : getRunningLoop();
  if (awaitables.length === 0) {
    const empty = loop.createFuture<Results>();
    empty.setResult([] as unknown as Results);
    return empty;
  }
  const unique = new Map<Awaitable<unknown>, Future<unknown>>();
  const children: Future<unknown>[] = [];
  const outer = new GatheringFuture<Results>(loop, children); // children are filled in below
  let finished = 0;
  const onChildDone = (child: Future<unknown>): void => {
    finished++;
    if (outer.done()) {
      if (!child.cancelled()) child.exception(); // mark it retrieved
      return;
    }
    if (child.cancelled()) {
      outer.setException(cancelledErrorOf(child));
      return;
    }
    const error = child.exception();
    if (error !== undefined) {
      outer.setException(error);
      return;
    }
    if (finished === unique.size) {
      if (outer.cancelRequested) outer.setException(new CancelledError());
      else outer.setResult(children.map((c) => c.result()) as unknown as Results);
    }
  };
  for (const [index, awaitable] of awaitables.entries()) {
    let child = unique.get(awaitable);
    if (child === undefined) {
      try {
        child = ensureFuture(awaitable, loop);
      } catch {
        throw new TypeError(`gather(...awaitables): awaitables[${index}] must be a Future or a generator object, got ${awaitable === null ? 'null' : typeof awaitable}`);
      }
      if (child.loop !== loop) throw new TypeError(`gather(...awaitables): awaitables[${index}] belongs to another loop`);
      unique.set(awaitable, child);
      child.addDoneCallback(onChildDone, { label: `gather ← ${child.describe()}` });
    }
    children.push(child);
  }
  return outer;
}

function cancelledErrorOf(child: Future<unknown>): CancelledError {
  try {
    child.result();
  } catch (error) {
    if (error instanceof CancelledError) return error;
  }
  return new CancelledError();
}
