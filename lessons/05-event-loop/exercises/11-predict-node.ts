// Predict the output. ../lib/node-snippets.ts holds four small programs; for each, return
// the lines it prints, in order. The test runs each one with `node -e` (a CommonJS script,
// as `node script.js` runs) and compares. Each order is one Node guarantees — reason it out
// from the README's "Node's own loop" before you run anything.
import type { SnippetName } from '../lib/node-snippets.ts';

export function predict(): Record<SnippetName, string[]> {
  // TODO: { queues: [...], ioCallback: [...], nested: [...], timers: [...] }
  throw new Error('Not implemented: predict');
}
