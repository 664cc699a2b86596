// Wrong: collects results in the order the children finish, not the order they were given.
import { Future } from '../lib/mini-loop.ts';
import type { MiniLoop } from '../lib/mini-loop.ts';

export function gather<T>(loop: MiniLoop, children: readonly Future<T>[]): Future<T[]> {
  const outer = new Future<T[]>(loop);
  const results: T[] = [];
  if (children.length === 0) {
    outer.setResult([]);
    return outer;
  }
  for (const child of children) {
    child.addDoneCallback((done) => {
      if (outer.done()) return;
      try {
        results.push(done.result());
      } catch (error) {
        outer.setException(error);
        return;
      }
      if (results.length === children.length) outer.setResult(results);
    });
  }
  return outer;
}
