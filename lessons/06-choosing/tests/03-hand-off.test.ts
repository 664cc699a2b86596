import { expect, test } from 'vitest';
import { handOff } from '#impl/03-hand-off';

test('handOff() returns the answer', () => {
  expect(handOff()).toBe(42);
});
