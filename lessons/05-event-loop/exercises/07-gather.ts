// gather(loop, children): one Future (../lib/mini-loop.ts) for many.
//
// It is done when every child is, with their results in the order of `children` (not the
// order they finished). As soon as one child fails, it fails with that child's error; the
// other children go on. With no children it is done at once with [].
import { Future } from '../lib/mini-loop.ts';
import type { MiniLoop } from '../lib/mini-loop.ts';

export function gather<T>(loop: MiniLoop, children: readonly Future<T>[]): Future<T[]> {
  // TODO: an outer future; a done-callback on each child
  void Future;
  throw new Error(`Not implemented: gather (${loop.time()}, ${children.length})`);
}
