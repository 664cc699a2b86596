/**
 * Test harness: run a scenario once to count its steps, then run it again and again,
 * aborting its signal before it starts, right after it starts, and after every step in
 * turn — and after each run check that it settled, that it rejected with exactly
 * `signal.reason` (or fulfilled, when the abort came too late to matter), and that
 * nothing stayed behind: no `abort` listener on the signal, no pending timer, and the
 * invariants of the primitive (no waiter, lock free, counts add up) still hold.
 *
 * A "step" is one microtask turn by default, the finest grain at which async code can
 * interleave, so every `await` inside the scenario and inside the primitive is an abort
 * point of some run. Scenarios that wait on timers step by `setImmediate` or by a real
 * `setTimeout(0)` instead.
 *
 * @module
 */
import { countedAbortController } from './counted-signal.ts';

/** How the harness advances a running scenario by one step. */
export type AbortStep = 'microtask' | 'immediate' | 'timer';

/** How one run ended. `abortedAt` is -1 for "already aborted", `null` for the clean run. */
export interface AbortOutcome {
  readonly abortedAt: number | null;
  readonly status: 'fulfilled' | 'rejected';
  readonly value?: unknown;
  readonly error?: unknown;
  /** The reason the signal was aborted with (undefined in the clean run). */
  readonly reason?: unknown;
}

/** Options of {@link abortAtEveryAwait}. */
export interface AbortAtEveryAwaitOptions<S> {
  /** Makes fresh state for one run: the primitive(s) under test and anything to count. */
  setup(): S;
  /**
   * The scenario: drive the primitive through its waits, passing `signal` to every wait
   * that takes one. It must fulfil when not aborted.
   */
  scenario(state: S, signal: AbortSignal): Promise<unknown>;
  /**
   * Invariants after a run settled (and after a few more steps, so hand-offs finish):
   * throw (e.g. `expect(...)`) when one does not hold. Default: none.
   */
  check?(state: S, outcome: AbortOutcome): void | Promise<void>;
  /**
   * May a rejection other than `signal.reason` itself count as a clean cancellation?
   * Default: only `error === reason`.
   */
  acceptRejection?(error: unknown, reason: unknown): boolean;
  /**
   * Must a run whose signal was aborted before the start reject? True catches a primitive
   * that ignores an already aborted signal (it should reject at once, taking nothing).
   * Set false for scenarios that may legitimately finish without touching the signal.
   * Default: true.
   */
  rejectWhenAbortedBeforeStart?: boolean;
  /** How to advance one step. Default: `'microtask'`. */
  step?: AbortStep;
  /** Most steps the clean run may take. Default: 10 000. */
  maxSteps?: number;
  /** How long an aborted run may take to settle, in real milliseconds. Default: 2 000. */
  settleTimeoutMs?: number;
}

/** What {@link abortAtEveryAwait} found. */
export interface AbortReport {
  /** Steps the clean run took to settle. */
  readonly steps: number;
  /** Aborted runs made: `steps + 2` (already aborted, at start, after each step). */
  readonly runs: number;
  /** Aborted runs that rejected with the signal's reason. */
  readonly rejected: number;
  /** Aborted runs that fulfilled anyway (the abort came after the last wait). */
  readonly fulfilled: number;
}

// Captured before any wrapping, so the harness's own waits are never counted.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetImmediate = globalThis.setImmediate;

function stepOnce(step: AbortStep): Promise<void> {
  if (step === 'microtask') return Promise.resolve();
  if (step === 'immediate') return new Promise((resolve) => realSetImmediate(resolve));
  return new Promise((resolve) => realSetTimeout(resolve, 0));
}

/** Counts timers made through the global `setTimeout`/`setInterval` while installed. */
class TimerTracker {
  readonly #live = new Set<unknown>();
  #restore: (() => void) | undefined;

  get pending(): number {
    return this.#live.size;
  }

  install(): void {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = {
      setTimeout: g.setTimeout,
      clearTimeout: g.clearTimeout,
      setInterval: g.setInterval,
      clearInterval: g.clearInterval,
    };
    const live = this.#live;
    const origSetTimeout = saved.setTimeout as (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
    const origClearTimeout = saved.clearTimeout as (handle: unknown) => void;
    const origSetInterval = saved.setInterval as (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
    const origClearInterval = saved.clearInterval as (handle: unknown) => void;
    g.setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): unknown => {
      const handle = origSetTimeout((...a: unknown[]) => {
        live.delete(handle);
        fn(...a);
      }, ms, ...args);
      live.add(handle);
      return handle;
    };
    g.clearTimeout = (handle: unknown): void => {
      live.delete(handle);
      origClearTimeout(handle);
    };
    g.setInterval = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): unknown => {
      const handle = origSetInterval(fn, ms, ...args);
      live.add(handle);
      return handle;
    };
    g.clearInterval = (handle: unknown): void => {
      live.delete(handle);
      origClearInterval(handle);
    };
    this.#restore = () => Object.assign(g, saved);
  }

  uninstall(): void {
    this.#restore?.();
    this.#restore = undefined;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function where(abortedAt: number | null): string {
  if (abortedAt === null) return 'in the run without abort';
  if (abortedAt === -1) return 'with a signal aborted before the start';
  return `with the abort after step ${abortedAt}`;
}

/**
 * Runs `options.scenario` without abort, then once per abort point, and throws an
 * `Error` that names the abort point and what was wrong at the first failure.
 *
 * @example
 * ```ts
 * import { abortAtEveryAwait } from '@interleave/toolkit/testing';
 * import { Mutex } from '@interleave/toolkit';
 *
 * const report = await abortAtEveryAwait({
 *   setup: () => new Mutex(),
 *   async scenario(mutex, signal) {
 *     const held = await mutex.lock();
 *     const waiting = mutex.lock({ signal });
 *     await Promise.resolve();
 *     held.release();
 *     (await waiting).release();
 *   },
 *   check(mutex) {
 *     if (mutex.locked || mutex.waiting !== 0) throw new Error('left locked or queued');
 *   },
 * });
 * console.log(report.runs > 2); // true
 * ```
 */
export async function abortAtEveryAwait<S>(options: AbortAtEveryAwaitOptions<S>): Promise<AbortReport> {
  const step = options.step ?? 'microtask';
  const maxSteps = options.maxSteps ?? 10_000;
  const settleTimeoutMs = options.settleTimeoutMs ?? 2_000;
  const accept = options.acceptRejection ?? ((error: unknown, reason: unknown) => error === reason);
  const rejectWhenAbortedBeforeStart = options.rejectWhenAbortedBeforeStart ?? true;

  /** One run; `abortAt` null = never, -1 = before the start, k ≥ 0 = after k steps. */
  async function run(abortAt: number | null): Promise<{ outcome: AbortOutcome; steps: number }> {
    const state = options.setup();
    const counted = countedAbortController();
    const timers = new TimerTracker();
    const reason = abortAt === null ? undefined : new Error(`aborted by the harness ${where(abortAt)}`);
    let settled: { status: 'fulfilled'; value: unknown } | { status: 'rejected'; error: unknown } | undefined;
    let steps = 0;
    timers.install();
    try {
      if (abortAt === -1) counted.abort(reason);
      let promise: Promise<unknown>;
      try {
        promise = Promise.resolve(options.scenario(state, counted.signal));
      } catch (error) {
        throw new Error(`abortAtEveryAwait: the scenario threw synchronously ${where(abortAt)}: ${describeError(error)}`);
      }
      promise.then(
        (value) => (settled = { status: 'fulfilled', value }),
        (error: unknown) => (settled = { status: 'rejected', error }),
      );
      if (abortAt === 0) counted.abort(reason);
      while (settled === undefined && steps < maxSteps) {
        await stepOnce(step);
        steps++;
        if (abortAt !== null && abortAt > 0 && steps === abortAt) counted.abort(reason);
      }
      if (settled === undefined && abortAt !== null) {
        // Aborted runs get real time too: a rejection may travel through timers.
        const deadline = performance.now() + settleTimeoutMs;
        while (settled === undefined && performance.now() < deadline) await stepOnce('immediate');
      }
      if (settled === undefined) {
        throw new Error(
          abortAt === null
            ? `abortAtEveryAwait: the scenario did not settle within ${maxSteps} ${step} steps without abort` +
                (step === 'microtask' ? ' (does it wait on a timer? use step: "timer")' : '')
            : `abortAtEveryAwait: the scenario never settled ${where(abortAt)} — something waits for ever`,
        );
      }
      // A few more turns so hand-offs started by the settling code finish before checking.
      for (let i = 0; i < 20; i++) await stepOnce('microtask');
      const done = settled as { status: 'fulfilled'; value: unknown } | { status: 'rejected'; error: unknown };
      const outcome: AbortOutcome =
        done.status === 'fulfilled'
          ? { abortedAt: abortAt, status: 'fulfilled', value: done.value, reason }
          : { abortedAt: abortAt, status: 'rejected', error: done.error, reason };
      if (done.status === 'fulfilled' && abortAt === -1 && rejectWhenAbortedBeforeStart) {
        throw new Error(
          `abortAtEveryAwait: ${where(abortAt)} the scenario fulfilled — an already aborted signal was ignored` +
            ' (or pass rejectWhenAbortedBeforeStart: false if the scenario may finish without it)',
        );
      }
      if (done.status === 'rejected') {
        if (abortAt === null) {
          throw new Error(`abortAtEveryAwait: the scenario rejected without abort: ${describeError(done.error)}`, { cause: done.error });
        }
        if (!accept(done.error, reason)) {
          throw new Error(
            `abortAtEveryAwait: ${where(abortAt)} the scenario rejected with ${describeError(done.error)}, not with the signal's reason`,
            { cause: done.error },
          );
        }
      }
      if (counted.listeners() !== 0) {
        throw new Error(`abortAtEveryAwait: ${where(abortAt)} ${counted.listeners()} abort listener(s) stayed on the signal`);
      }
      if (timers.pending !== 0) {
        throw new Error(`abortAtEveryAwait: ${where(abortAt)} ${timers.pending} timer(s) stayed pending`);
      }
      try {
        await options.check?.(state, outcome);
      } catch (error) {
        throw new Error(`abortAtEveryAwait: ${where(abortAt)} the check failed: ${describeError(error)}`, { cause: error });
      }
      return { outcome, steps };
    } finally {
      timers.uninstall();
    }
  }

  const clean = await run(null);
  let rejected = 0;
  let fulfilled = 0;
  for (let abortAt = -1; abortAt <= clean.steps; abortAt++) {
    const { outcome } = await run(abortAt);
    if (outcome.status === 'rejected') rejected++;
    else fulfilled++;
  }
  return { steps: clean.steps, runs: clean.steps + 2, rejected, fulfilled };
}
