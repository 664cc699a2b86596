import { describe, expect, test } from 'vitest';
import { roundRobin } from '#impl/01-round-robin';

/** A task that logs `name1`, `name2`, … one per step, then returns `name done`. */
function* counter(log: string[], name: string, steps: number): Generator<undefined, string, undefined> {
  for (let i = 1; i <= steps; i++) {
    log.push(`${name}${i}`);
    yield;
  }
  return `${name} done`;
}

describe('roundRobin()', () => {
  test('runs one step of each task in turn, skipping the finished ones', () => {
    const log: string[] = [];
    roundRobin([counter(log, 'A', 3), counter(log, 'B', 1), counter(log, 'C', 2)]);
    expect(
      log.join(' '),
      'each task should run one step (up to its next yield), then the next task gets a turn',
    ).toBe('A1 B1 C1 A2 C2 A3');
  });

  test('returns each result at its task’s index, not in finishing order', () => {
    const log: string[] = [];
    const results = roundRobin([counter(log, 'A', 3), counter(log, 'B', 1), counter(log, 'C', 0)]);
    expect(results, 'the value a task returns arrives with { done: true } — keep it').toEqual(['A done', 'B done', 'C done']);
  });

  test('returns [] for no tasks', () => {
    expect(roundRobin([])).toEqual([]);
  });

  test('lets a task’s error propagate and runs no further step', () => {
    const log: string[] = [];
    function* failing(): Generator<undefined, string, undefined> {
      log.push('F1');
      yield;
      throw new Error('task failed');
    }
    expect(() => roundRobin([failing(), counter(log, 'B', 5)])).toThrow('task failed');
    expect(log.join(' ')).toBe('F1 B1');
  });

  test('names the position of something that is not a generator object', () => {
    const log: string[] = [];
    const notStarted = counter as unknown as Generator<undefined, string, undefined>;
    expect(() => roundRobin([counter(log, 'A', 1), notStarted])).toThrow(TypeError);
    expect(() => roundRobin([counter(log, 'A', 1), notStarted])).toThrow('tasks[1] must be a generator object, got function');
  });
});
