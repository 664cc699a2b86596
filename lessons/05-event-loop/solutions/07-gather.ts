// gather: one future for many. Each child gets a done-callback; the callback stores the
// child's result in the child's slot (so results come in argument order, whatever order
// they finish in) and settles the outer future when the last one is in — or at once, with
// the error, when one fails. The other children are not stopped: asyncio.gather leaves
// them running too (TaskGroup is the tool that cancels the siblings).
import { Future } from '../lib/mini-loop.ts';
import type { MiniLoop } from '../lib/mini-loop.ts';

export function gather<T>(loop: MiniLoop, children: readonly Future<T>[]): Future<T[]> {
  const outer = new Future<T[]>(loop);
  const results = new Array<T>(children.length);
  let left = children.length;
  if (left === 0) {
    outer.setResult([]);
    return outer;
  }
  children.forEach((child, index) => {
    child.addDoneCallback((done) => {
      if (outer.done()) return; // failed already; this child's outcome no longer matters
      let value: T;
      try {
        value = done.result();
      } catch (error) {
        outer.setException(error);
        return;
      }
      results[index] = value;
      if (--left === 0) outer.setResult(results);
    });
  });
  return outer;
}
