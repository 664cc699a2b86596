import { describe, expect, it } from 'vitest';
import { exploreSchedules, ScheduleLimitError, type ScheduleTask } from './explore-schedules.ts';

// A deposit that reads the balance, yields (where real code would await), then writes.
function bank(safe: boolean) {
  const state = { balance: 0, locked: false };
  function* deposit(amount: number): ScheduleTask<number> {
    if (safe) {
      yield { until: () => !state.locked, label: 'wait for the lock' };
      state.locked = true;
    }
    const seen = state.balance;
    yield `read ${seen}`;
    state.balance = seen + amount;
    if (safe) state.locked = false;
    return seen + amount;
  }
  return { state, tasks: { A: deposit(1), B: deposit(10) } };
}

describe('exploreSchedules()', () => {
  it('finds the schedule that loses an update (read, read, write, write)', () => {
    const result = exploreSchedules({ setup: () => bank(false), check: (s) => s.balance === 11 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violation.kind).toBe('check');
    expect(result.violation.schedule).toEqual(['A', 'B', 'A', 'B']);
    expect(result.violation.state.balance).toBe(10);
    expect(result.violation.message).toContain('schedule: A B A B');
    expect(result.violation.message).toContain('A: read 0');
  });

  it('lists every reachable end state of the racy version', () => {
    const result = exploreSchedules({ setup: () => bank(false), key: (s) => String(s.balance) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 2 steps each: C(4,2) = 6 schedules. A alone first or B alone first give 11; the four
    // overlapping ones lose one deposit — 1 when A writes last, 10 when B does.
    expect(result.schedules).toBe(6);
    const ends = Object.fromEntries(result.ends.map((e) => [e.key, e.count]));
    expect(ends).toEqual({ '11': 2, '10': 2, '1': 2 });
  });

  it('finds no violation in the locked version, under every schedule', () => {
    const result = exploreSchedules({ setup: () => bank(true), check: (s) => s.balance === 11, key: (s) => String(s.balance) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ends.map((e) => e.key)).toEqual(['11']);
    expect(result.schedules).toBeGreaterThan(2);
  });

  it('checks the invariant after every step and stops at the first break', () => {
    const result = exploreSchedules({
      setup: () => bank(false),
      invariant: (s) => {
        if (s.balance === 10) throw new Error('balance went to 10 while A had deposited');
      },
      key: (s) => String(s.balance),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violation.kind).toBe('invariant');
    expect(result.violation.message).toContain('balance went to 10');
  });

  it('reports a deadlock with the waiting tasks when none is ready', () => {
    const result = exploreSchedules({
      setup: () => {
        const held = [false, false];
        function* philosopher(first: number, second: number): ScheduleTask {
          yield { until: () => !held[first], label: `wait for fork ${first}` };
          held[first] = true;
          yield { until: () => !held[second], label: `wait for fork ${second}` };
          held[second] = true;
          held[first] = held[second] = false;
        }
        return { state: held, tasks: { P0: philosopher(0, 1), P1: philosopher(1, 0) } };
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violation.kind).toBe('deadlock');
    expect(result.violation.schedule).toEqual(['P0', 'P0', 'P1', 'P1']);
    expect(result.violation.message).toContain('P0 at "wait for fork 1", P1 at "wait for fork 0"');
  });

  it('reports a task that throws, with the schedule', () => {
    const result = exploreSchedules({
      setup: () => {
        const state = { open: true };
        function* closer(): ScheduleTask {
          yield;
          state.open = false;
        }
        function* user(): ScheduleTask {
          yield;
          if (!state.open) throw new Error('used after close');
        }
        return { state, tasks: { closer: closer(), user: user() } };
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violation.kind).toBe('threw');
    expect(result.violation.message).toContain('task "user" threw: used after close');
  });

  it('throws a ScheduleLimitError past maxSchedules or maxSteps, never a partial answer', () => {
    expect(() => exploreSchedules({ setup: () => bank(false), maxSchedules: 3 })).toThrow(ScheduleLimitError);
    expect(() => exploreSchedules({ setup: () => bank(false), maxSchedules: 3 })).toThrow('more than 3 schedules (options.maxSchedules)');
    const spinning = () => {
      const state = { flag: false };
      function* spin(): ScheduleTask {
        while (!state.flag) yield 'spin';
      }
      return { state, tasks: { S: spin() } };
    };
    expect(() => exploreSchedules({ setup: spinning, maxSteps: 50 })).toThrow('more than 50 steps (options.maxSteps)');
  });

  it('says so when a replay does not take the same path', () => {
    let calls = 0;
    const drifting = (): { state: object; tasks: Record<string, ScheduleTask<unknown>> } => {
      const state = {};
      const first = calls++ === 0;
      function* a(): ScheduleTask {
        yield;
      }
      function* b(): ScheduleTask {
        if (first) yield;
      }
      return { state, tasks: first ? { A: a(), B: b() } : { B: b(), C: a() } };
    };
    expect(() => exploreSchedules({ setup: drifting })).toThrow('not deterministic');
  });

  it('rejects bad options with the parameter and the value', () => {
    expect(() => exploreSchedules({ setup: () => bank(false), maxSteps: 0 })).toThrow('options.maxSteps must be an integer >= 1, got 0');
    expect(() => exploreSchedules({ setup: 'no' as never })).toThrow('options.setup must be a function, got string');
    expect(() => exploreSchedules({ setup: () => ({ state: 0, tasks: { A: (() => 1) as never } }) })).toThrow('task "A" must be a generator object');
  });
});
