/**
 * Binding a primitive to the loop that first uses it (asyncio's `_LoopBoundMixin`).
 * Private to the event-loop folder.
 *
 * @module
 */
import { InvalidStateError } from '../coordination/errors.ts';
import { getRunningLoop } from './event-loop.ts';
import type { EventLoop } from './event-loop.ts';

/** The running loop, checked against the one `bound` holds (or binds it). */
export function boundLoop(bound: { loop: EventLoop | undefined }, what: string): EventLoop {
  const loop = getRunningLoop();
  if (bound.loop === undefined) bound.loop = loop;
  else if (bound.loop !== loop) throw new InvalidStateError(`${what} is bound to a different event loop`);
  return loop;
}
