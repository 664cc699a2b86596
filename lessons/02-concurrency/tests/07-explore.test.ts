import { describe, expect, test } from 'vitest';
import { explore } from '#impl/07-explore';

function lostUpdate() {
  const state = { balance: 0 };
  function* deposit(amount: number): Generator<undefined, void, undefined> {
    const seen = state.balance;
    yield;
    state.balance = seen + amount;
  }
  return { state, tasks: [deposit(1), deposit(10)] };
}

describe('explore()', () => {
  test('finds the lost updates: 1 and 10 as well as 11', () => {
    expect(explore(lostUpdate).sort(), 'interleave the steps, not just the tasks: read, read, write, write loses a deposit').toEqual([
      '{"balance":1}',
      '{"balance":10}',
      '{"balance":11}',
    ].sort());
  });

  test('runs every schedule once, on a fresh setup() each time', () => {
    let setups = 0;
    explore(() => {
      setups++;
      const trail: string[] = [];
      const state = { trail };
      function* task(name: string): Generator<undefined, void, undefined> {
        trail.push(`${name}1`);
        yield;
        trail.push(`${name}2`);
      }
      return { state, tasks: [task('A'), task('B')] };
    });
    expect(setups, 'two tasks of two steps each interleave in 6 ways; each needs its own setup()').toBe(6);
  });

  test('finds the state only one schedule reaches', () => {
    // Three tasks; "ABC" is in `seen` only if A's first step, then B's, then C's happened in
    // that order with nothing of theirs in between.
    const ends = explore(() => {
      const state = { seen: '' };
      function* task(name: string): Generator<undefined, void, undefined> {
        state.seen += name;
        yield;
        state.seen += name.toLowerCase();
      }
      return { state, tasks: [task('A'), task('B'), task('C')] };
    });
    // 3 tasks of 2 steps: 6!/(2!·2!·2!) = 90 schedules, 90 distinct traces.
    expect(ends).toHaveLength(90);
    expect(ends).toContain('{"seen":"ABCcba"}');
    expect(ends).toContain('{"seen":"AaBbCc"}');
  });

  test('handles tasks that finish at once, and no tasks', () => {
    expect(explore(() => ({ state: { n: 1 }, tasks: [] }))).toEqual(['{"n":1}']);
    function* nothing(): Generator<undefined, void, undefined> {}
    expect(explore(() => ({ state: [1], tasks: [nothing(), nothing()] }))).toEqual(['[1]']);
  });

  test('gives up past maxSchedules with a RangeError that names it', () => {
    expect(() => explore(lostUpdate, 5)).toThrow(RangeError);
    expect(() => explore(lostUpdate, 5)).toThrow('maxSchedules');
    expect(explore(lostUpdate, 6)).toHaveLength(3);
  });
});
