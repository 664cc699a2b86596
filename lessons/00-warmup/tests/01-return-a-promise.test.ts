import { expect, test } from 'vitest';
import { double } from '#impl/01-return-a-promise';

test('double() returns a promise', () => {
  const result = double(21);
  // Avoid an unhandled rejection if this answer rejects; the next test checks the value.
  if (result instanceof Promise) result.catch(() => {});
  expect(result).toBeInstanceOf(Promise);
});

test('double() resolves to twice its input', async () => {
  await expect(double(21)).resolves.toBe(42);
  await expect(double(-1.5)).resolves.toBe(-3);
  await expect(double(0)).resolves.toBe(0);
});

test('double(NaN) rejects with a RangeError that names the parameter', async () => {
  await expect(double(Number.NaN)).rejects.toThrow(RangeError);
  await expect(double(Number.NaN)).rejects.toThrow(/value/);
  await expect(double(Number.POSITIVE_INFINITY)).rejects.toThrow(RangeError);
});

test('double(NaN) does not throw during the call: the error arrives through the promise', () => {
  let result: Promise<number> | undefined;
  expect(() => {
    result = double(Number.NaN);
  }, 'double(NaN) threw while being called; it should return a rejected promise instead').not.toThrow();
  // Handle the rejection so it is not reported as unhandled.
  result?.catch(() => {});
});
