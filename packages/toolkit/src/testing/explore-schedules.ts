// Test helper: run small cooperative tasks (generators) under *every* schedule — every choice
// of which task runs next at each `yield` — and report every reachable end state, or the
// exact schedule that breaks an invariant, throws, or leaves every task waiting.
//
// The idea is stateless model checking, as in CHESS and Rust's loom: a generator cannot be
// copied, so each schedule is replayed from a fresh `setup()` along a recorded prefix of
// choices, and the search backtracks depth-first to the deepest choice with an untried
// alternative. A race that one run in a million loses is here one schedule among a few dozen.
//
// What it does not explore (say so in the test when it matters):
//   - what happens *between* two yields: the code from one yield to the next runs as one
//     indivisible step. A race inside such a step (an `await`, a shared counter touched twice)
//     is invisible unless you put a `yield` there — the yields ARE the model;
//   - promises, microtasks, timers and I/O: tasks are stepped synchronously, so an `await`
//     inside one is not a switch point (use `yield` where the real code awaits);
//   - threads and weak memory: one step sees every earlier step's writes (sequential
//     consistency). Use `everyInterleaving` for shared-memory protocols under Atomics;
//   - anything beyond its bounds: more than `maxSchedules` schedules or `maxSteps` steps in one
//     schedule is an error (`ScheduleLimitError`), never a silent partial answer;
//   - fairness: a schedule may run one task forever while another is ready, so a task that
//     spins (`while (!flag) yield`) hits `maxSteps`; wait with `{ until }` instead;
//   - nondeterminism inside tasks (random numbers, clocks): replays must take the same path,
//     and a replay that finds different tasks ready throws an Error that says so.

/**
 * What a task may `yield`: nothing or a label (a plain switch point — another task may run
 * now), or a wait: `{ until, label? }` — the task is ready again only when `until()` is true
 * (a lock to be free, an item to be queued). The label names the step in schedules.
 */
export type ScheduleYield = undefined | string | { readonly until: () => boolean; readonly label?: string };

/**
 * One task: a generator that yields at every point where another task may run. `R` is what
 * it returns (collected in `results`); write `function* f(): ScheduleTask { … }` for none.
 */
export type ScheduleTask<R = void> = Generator<ScheduleYield, R, undefined>;

/** Options of {@link exploreSchedules}. */
export interface ExploreSchedulesOptions<S> {
  /**
   * Builds a fresh world for one schedule: the shared `state` and the tasks, by name (the
   * names appear in schedules). Called once per schedule; it must build the same world each time.
   */
  readonly setup: () => { state: S; tasks: Record<string, ScheduleTask<unknown>> };
  /** Checked after every step; throw (or return `false`) to report a violation. Default: none. */
  readonly invariant?: (state: S) => boolean | void;
  /** Checked when every task has finished; throw (or return `false`) to report a violation. Default: none. */
  readonly check?: (state: S, results: Record<string, unknown>) => boolean | void;
  /** How end states are told apart in `ends`. Default: `JSON.stringify(state)`. */
  readonly key?: (state: S) => string;
  /** Give up (throw `ScheduleLimitError`) after this many schedules. Default: 100 000. */
  readonly maxSchedules?: number;
  /** Give up (throw `ScheduleLimitError`) when one schedule takes more steps than this. Default: 1 000. */
  readonly maxSteps?: number;
}

/** One step of a schedule: which task ran, and the label of the `yield` it stopped at (or `done`). */
export interface ScheduleStep {
  readonly task: string;
  readonly label: string;
}

/** A distinct end state, with the first schedule that reached it and how many did. */
export interface ExploredEnd<S> {
  readonly key: string;
  readonly state: S;
  readonly results: Record<string, unknown>;
  readonly schedule: readonly string[];
  readonly count: number;
}

/** The first schedule found that breaks the rules. */
export interface ScheduleViolation<S> {
  /** `invariant`, `check`, a task that `threw`, or a `deadlock` (tasks left, none ready). */
  readonly kind: 'invariant' | 'check' | 'threw' | 'deadlock';
  /** The task names in the order they ran: the exact losing schedule. */
  readonly schedule: readonly string[];
  readonly steps: readonly ScheduleStep[];
  readonly state: S;
  /** The error thrown by the invariant, check or task, when there was one. */
  readonly error?: unknown;
  /** A readable account: what went wrong, then the steps, one per line. */
  readonly message: string;
}

/** What {@link exploreSchedules} found. */
export type ExploreSchedulesResult<S> =
  | { readonly ok: true; readonly schedules: number; readonly ends: readonly ExploredEnd<S>[] }
  | { readonly ok: false; readonly schedules: number; readonly violation: ScheduleViolation<S> };

/** The search went past `maxSchedules` or `maxSteps`: nothing was proven. */
export class ScheduleLimitError extends Error {
  override name = 'ScheduleLimitError';
}

interface Run<S> {
  state: S;
  results: Record<string, unknown>;
  steps: ScheduleStep[];
  /** The ready tasks at each choice point, in name order. */
  ready: string[][];
  violation?: Omit<ScheduleViolation<S>, 'schedule' | 'message' | 'steps' | 'state'>;
}

/**
 * Runs the tasks of `setup()` under every schedule, depth first, and stops at the first one
 * that breaks the invariant, the end check, throws, or leaves tasks waiting with none ready
 * (a deadlock). Otherwise lists every distinct end state.
 *
 * @example
 * ```ts
 * import { exploreSchedules } from '@interleave/toolkit/testing';
 *
 * // Two tasks add 1 to a balance with a yield between the read and the write.
 * const result = exploreSchedules({
 *   setup: () => {
 *     const state = { balance: 0 };
 *     function* deposit() {
 *       const seen = state.balance;
 *       yield 'read';
 *       state.balance = seen + 1;
 *     }
 *     return { state, tasks: { A: deposit(), B: deposit() } };
 *   },
 *   check: (state) => state.balance === 2,
 * });
 * if (!result.ok) console.log(result.violation.schedule.join(' ')); // A B A B
 * ```
 */
export function exploreSchedules<S>(options: ExploreSchedulesOptions<S>): ExploreSchedulesResult<S> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`exploreSchedules: options must be an object, got ${String(options)}`);
  }
  const { setup, invariant, check, key = (state: S) => JSON.stringify(state), maxSchedules = 100_000, maxSteps = 1000 } = options;
  if (typeof setup !== 'function') throw new TypeError(`exploreSchedules: options.setup must be a function, got ${typeof setup}`);
  for (const [name, value] of [['maxSchedules', maxSchedules], ['maxSteps', maxSteps]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`exploreSchedules: options.${name} must be an integer >= 1, got ${value}`);
  }
  const ends = new Map<string, ExploredEnd<S>>();
  let prefix: string[] = [];
  let schedules = 0;
  for (;;) {
    if (schedules === maxSchedules) {
      throw new ScheduleLimitError(
        `exploreSchedules: more than ${maxSchedules} schedules (options.maxSchedules) and the search is not over; ` +
          'nothing is proven yet. Use fewer tasks or fewer yields, or raise the limit.',
      );
    }
    const run = runOnce(setup, prefix, invariant, check, maxSteps);
    schedules++;
    const schedule = run.steps.map((s) => s.task);
    if (run.violation) {
      const violation = { ...run.violation, schedule, steps: run.steps, state: run.state };
      return { ok: false, schedules, violation: { ...violation, message: describeViolation(violation) } };
    }
    const k = key(run.state);
    const seen = ends.get(k);
    ends.set(k, seen ? { ...seen, count: seen.count + 1 } : { key: k, state: run.state, results: run.results, schedule, count: 1 });
    // Backtrack: the deepest choice that has a ready task after the one taken.
    let depth = schedule.length - 1;
    for (; depth >= 0; depth--) {
      const ready = run.ready[depth]!;
      const next = ready[ready.indexOf(schedule[depth]!) + 1];
      if (next !== undefined) {
        prefix = [...schedule.slice(0, depth), next];
        break;
      }
    }
    if (depth < 0) return { ok: true, schedules, ends: [...ends.values()] };
  }
}

function runOnce<S>(
  setup: ExploreSchedulesOptions<S>['setup'],
  prefix: readonly string[],
  invariant: ExploreSchedulesOptions<S>['invariant'],
  check: ExploreSchedulesOptions<S>['check'],
  maxSteps: number,
): Run<S> {
  const world = setup();
  if (typeof world !== 'object' || world === null || typeof world.tasks !== 'object' || world.tasks === null) {
    throw new TypeError('exploreSchedules: options.setup() must return { state, tasks: { name: generator, … } }');
  }
  const { state, tasks } = world;
  const names = Object.keys(tasks);
  for (const name of names) {
    const task = tasks[name];
    if (typeof task?.next !== 'function') throw new TypeError(`exploreSchedules: task "${name}" must be a generator object (call the generator function), got ${typeof task}`);
  }
  const waits = new Map<string, (() => boolean) | undefined>(names.map((n) => [n, undefined]));
  const results: Record<string, unknown> = {};
  const run: Run<S> = { state, results, steps: [], ready: [] };
  const broken = (call: (() => boolean | void) | undefined, kind: 'invariant' | 'check'): boolean => {
    if (!call) return false;
    try {
      if (call() !== false) return false;
      run.violation = { kind };
    } catch (error) {
      run.violation = { kind, error };
    }
    return true;
  };
  for (;;) {
    const ready = [...waits].filter(([, until]) => until === undefined || until()).map(([name]) => name);
    if (ready.length === 0) {
      if (waits.size === 0) {
        broken(check && (() => check(state, results)), 'check');
      } else {
        run.violation = { kind: 'deadlock' };
      }
      return run;
    }
    const depth = run.steps.length;
    if (depth === maxSteps) {
      throw new ScheduleLimitError(
        `exploreSchedules: a schedule took more than ${maxSteps} steps (options.maxSteps): ${tail(run.steps)}. ` +
          'A task that never finishes? A task that spins on `yield` should wait with `yield { until }`.',
      );
    }
    const planned = prefix[depth];
    if (planned !== undefined && !ready.includes(planned)) {
      throw new Error(
        `exploreSchedules: replaying schedule ${prefix.join(' ')}, step ${depth + 1} found ready [${ready.join(', ')}] without "${planned}". ` +
          'setup() or the tasks are not deterministic (random numbers, clocks, state kept between schedules?).',
      );
    }
    const name = planned ?? ready[0]!;
    run.ready.push(ready);
    let step: IteratorResult<ScheduleYield, unknown>;
    try {
      step = tasks[name]!.next();
    } catch (error) {
      run.steps.push({ task: name, label: 'threw' });
      run.violation = { kind: 'threw', error };
      return run;
    }
    if (step.done) {
      waits.delete(name);
      results[name] = step.value;
      run.steps.push({ task: name, label: 'done' });
    } else {
      const value = step.value;
      if (typeof value === 'object' && value !== null && typeof value.until === 'function') {
        waits.set(name, value.until);
        run.steps.push({ task: name, label: value.label ?? 'wait' });
      } else {
        waits.set(name, undefined);
        run.steps.push({ task: name, label: typeof value === 'string' ? value : `step ${run.steps.filter((s) => s.task === name).length + 1}` });
      }
    }
    if (broken(invariant && (() => invariant(state)), 'invariant')) return run;
  }
}

function tail(steps: readonly ScheduleStep[]): string {
  const last = steps.slice(-6).map((s) => `${s.task}: ${s.label}`);
  return `the last steps were ${last.join(', ')}`;
}

function waitingAtEnd(steps: readonly ScheduleStep[]): string {
  const last = new Map<string, string>();
  for (const s of steps) last.set(s.task, s.label);
  return [...last].filter(([, label]) => label !== 'done').map(([task, label]) => `${task} at "${label}"`).join(', ');
}

function describeViolation<S>(v: Omit<ScheduleViolation<S>, 'message'>): string {
  const why = {
    invariant: 'the invariant broke',
    check: 'the end check failed',
    threw: `task "${v.steps.at(-1)?.task}" threw`,
    deadlock: `deadlock: every task left waits (${waitingAtEnd(v.steps)})`,
  }[v.kind];
  const detail = v.error === undefined ? '' : `: ${v.error instanceof Error ? v.error.message : String(v.error)}`;
  const lines = v.steps.map((s, i) => `  ${String(i + 1).padStart(3)}. ${s.task}: ${s.label}`);
  return `${why}${detail}\nschedule: ${v.schedule.join(' ')}\n${lines.join('\n')}`;
}
