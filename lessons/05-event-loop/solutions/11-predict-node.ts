// Node's own loop, predicted. The rules (Node 20, a CommonJS main script):
// - the script runs to the end first: nothing interrupts synchronous code;
// - after it, and after every callback, Node drains the process.nextTick queue, then the
//   microtask queue (promise jobs and queueMicrotask, in the order queued), and repeats
//   until both are empty — a nextTick queued by a promise job waits until the microtasks
//   queued meanwhile are done;
// - then libuv's phases: timers (by deadline; equal deadlines in the order set), poll (I/O
//   callbacks), check (setImmediate), close;
// - so inside an I/O callback, setImmediate always beats setTimeout(0): check comes right
//   after poll. In the main script the two race, and the order is not guaranteed.
import type { SnippetName } from '../lib/node-snippets.ts';

export function predict(): Record<SnippetName, string[]> {
  return {
    queues: ['sync 1', 'sync 2', 'nextTick', 'promise', 'microtask', 'immediate'],
    ioCallback: ['in the I/O callback', 'immediate', 'timeout 0'],
    nested: ['nextTick 1', 'promise 1', 'promise from nextTick 1', 'promise 2', 'nextTick from promise 1'],
    timers: ['timeout 10 a', 'promise in timeout 10 a', 'timeout 10 b', 'timeout 20'],
  };
}
