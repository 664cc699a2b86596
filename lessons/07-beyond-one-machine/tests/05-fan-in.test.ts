import { expect, test } from 'vitest';
import { fanIn } from '#impl/05-fan-in';

test('fanIn() returns the answer', () => {
  expect(fanIn()).toBe(42);
});
