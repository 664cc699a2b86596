import { afterEach, describe, expect, test, vi } from 'vitest';

// Pretend to be a machine where the two counts disagree (as in a container limited to 3
// of 64 cores), so an answer that reads the wrong one is caught on any real machine.
vi.mock('node:os', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:os')>();
  const fake = { ...real, availableParallelism: vi.fn(() => 3), cpus: vi.fn(() => Array.from({ length: 64 }, () => real.cpus()[0]!)) };
  return { ...fake, default: fake };
});

const { poolSize } = await import('#impl/01-pool-size');

afterEach(() => {
  vi.clearAllMocks();
});

describe('poolSize()', () => {
  test('without an argument returns os.availableParallelism(), the cores this process may use', () => {
    expect(poolSize(), 'availableParallelism() says 3 here, cpus().length says 64').toBe(3);
  });

  test('returns a requested size that fits in the usable cores', () => {
    expect(poolSize(1)).toBe(1);
    expect(poolSize(2)).toBe(2);
    expect(poolSize(3)).toBe(3);
  });

  test('clamps a request above the usable cores down to the core count', () => {
    expect(poolSize(4), 'a 4th CPU-bound worker on 3 cores only waits for a core').toBe(3);
    expect(poolSize(64)).toBe(3);
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects requested = %s with a RangeError that names it', (bad) => {
    expect(() => poolSize(bad)).toThrow(RangeError);
    expect(() => poolSize(bad)).toThrow(/requested/);
    expect(() => poolSize(bad)).toThrow(String(bad));
  });

  test('rejects a string with a RangeError, not a silent conversion', () => {
    expect(() => poolSize('2' as unknown as number)).toThrow(/requested.*2/);
  });
});
