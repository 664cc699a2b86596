import { expect, test } from 'vitest';
import { double } from '#impl/01-return-a-promise';

test('double() returns a promise', () => {
  const result = double(21);
  expect(result).toBeInstanceOf(Promise);
});

test('double() resolves to twice its input', async () => {
  await expect(double(21)).resolves.toBe(42);
});
