/**
 * Describe the task here, with an example call:
 *
 *     fanIn() // → 42
 */
export function fanIn(): number {
  // TODO: make the tests in tests/05-fan-in.test.ts pass
  throw new Error('Not implemented: fanIn');
}
