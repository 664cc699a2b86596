import { expect, test } from 'vitest';
import { rateLimit } from '#impl/04-rate-limit';

test('rateLimit() returns the answer', () => {
  expect(rateLimit()).toBe(42);
});
