import { expect, test } from 'vitest';
import { fetchConcurrency } from '#impl/02-little';

test('one latency: 200/s at 80 ms needs 16 in flight', () => {
  expect(fetchConcurrency(80, 200), '200 per second × 0.080 s').toBe(16);
});

test('a fraction rounds up: 200/s at 75 ms is 15 exactly; 100/s at 75 ms is 7.5 → 8', () => {
  expect(fetchConcurrency(75, 200)).toBe(15);
  expect(fetchConcurrency(75, 100), '7 requests at 75 ms finish only 93 per second: round up').toBe(8);
});

test('samples: the mean latency counts — [40, 60, 110] ms is 70 ms on average', () => {
  expect(fetchConcurrency([40, 60, 110], 100), 'mean 70 ms × 100/s = 7').toBe(7);
  expect(fetchConcurrency([110, 60, 40], 100)).toBe(7);
});

test('a slow target still needs one request in flight', () => {
  expect(fetchConcurrency(5, 1)).toBe(1);
});

test('bad inputs are RangeErrors naming the parameter and value', () => {
  expect(() => fetchConcurrency(0, 10)).toThrow(RangeError);
  expect(() => fetchConcurrency(-5, 10)).toThrow(/latencyMs/);
  expect(() => fetchConcurrency([], 10)).toThrow(/latencyMs/);
  expect(() => fetchConcurrency([10, Number.NaN], 10)).toThrow(/latencyMs\[1\]/);
  expect(() => fetchConcurrency(10, 0)).toThrow(/targetPerSecond/);
  expect(() => fetchConcurrency(10, Number.POSITIVE_INFINITY)).toThrow(/targetPerSecond.*Infinity/);
});
