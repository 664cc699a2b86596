import { expect, test } from 'vitest';
import { pipeline } from '#impl/04-pipeline';

test('pipeline() returns the answer', () => {
  expect(pipeline()).toBe(42);
});
