// Wrong: the intuitions that fail — promise jobs before nextTick, setTimeout(0) before
// setImmediate even inside an I/O callback, and every nextTick before any promise.
import type { SnippetName } from '../lib/node-snippets.ts';

export function predict(): Record<SnippetName, string[]> {
  return {
    queues: ['sync 1', 'sync 2', 'promise', 'microtask', 'nextTick', 'immediate'],
    ioCallback: ['in the I/O callback', 'timeout 0', 'immediate'],
    nested: ['nextTick 1', 'promise 1', 'nextTick from promise 1', 'promise from nextTick 1', 'promise 2'],
    timers: ['timeout 10 a', 'timeout 10 b', 'promise in timeout 10 a', 'timeout 20'],
  };
}
