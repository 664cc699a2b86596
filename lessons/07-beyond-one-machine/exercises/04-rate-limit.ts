/**
 * Describe the task here, with an example call:
 *
 *     rateLimit() // → 42
 */
export function rateLimit(): number {
  // TODO: make the tests in tests/04-rate-limit.test.ts pass
  throw new Error('Not implemented: rateLimit');
}
