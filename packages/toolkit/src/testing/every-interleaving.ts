// Test helper: check a shared-memory sleep/wake protocol at every interleaving of its two
// sides, deterministically, in one thread.
//
// Real threads find a lost wake-up only by luck (RingBuffer had one that showed up about
// once in 2 000 runs of 10 000 items on a loaded machine). Here the other side is a plain
// function working on the same memory, and it acts exactly once: right before the k-th
// atomic operation of the side under test, for k = 0, 1, 2, … until that side finishes
// (or goes to sleep) before reaching step k. While a run is on, Atomics.wait and
// Atomics.waitAsync on that memory are stand-ins that never block:
//   - if the watched word changed, they return at once ('not-equal'), as the real ones do;
//   - if it did not and the other side has not acted yet, the other side acts now, as if
//     while we slept; a notify of the watched word from it wakes us ('ok');
//   - any other wait would sleep forever, since nobody will act again: a lost wake-up.
//     The stand-in throws a LostWakeUpError, which fails the whole check.
//
// What it does not explore: the other side's action runs whole, so a wrong order of
// steps *inside* it (say, an unlock that notifies before it frees the word) goes unseen.
// It finds where the other side's action can land among the waiting side's steps — the
// place lost wake-ups come from — not every interleaving of both sides' steps.

/** How one run of the side under test ended. */
export type InterleavingOutcome<T> = PromiseSettledResult<Awaited<T>> & {
  /** Before which atomic operation of the side under test the other side acted. */
  step: number;
};

/** Options of {@link everyInterleaving}. */
export interface EveryInterleavingOptions<T> {
  /**
   * Builds fresh state for one run: the shared memory both sides use, the side under
   * test (it may wait), and the other side's one action (it must not wait).
   */
  setup: () => { buffer: SharedArrayBuffer; side: () => T; other: () => void };
  /** Checks how a run ended; throw (or `expect`) to fail. Default: it must fulfil. */
  check?: (outcome: InterleavingOutcome<T>) => void;
  /** Give up when the side under test has more atomic steps than this. Default: 1000. */
  maxSteps?: number;
}

/** A wait that nobody will ever end: the protocol lost a wake-up. */
export class LostWakeUpError extends Error {
  override name = 'LostWakeUpError';
}

type WaitAsync = (array: Int32Array, index: number, value: number, timeoutMs?: number) => unknown;
/** An Atomics operation on an Int32Array (the protocols here use no other kind). */
type Operation = (array: Int32Array, index: number, ...values: number[]) => number;
const real = {
  load: Atomics.load as Operation,
  store: Atomics.store as Operation,
  exchange: Atomics.exchange as Operation,
  compareExchange: Atomics.compareExchange as Operation,
  add: Atomics.add as Operation,
  sub: Atomics.sub as Operation,
  notify: Atomics.notify,
  wait: Atomics.wait,
  waitAsync: (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync,
};

/**
 * Runs `setup().side()` once per interleaving with `setup().other()`, checks each outcome,
 * and resolves with the number of interleavings; rejects with a `LostWakeUpError` naming
 * the step if any interleaving leaves the side under test asleep for good.
 *
 * @example
 * ```ts
 * import { everyInterleaving } from '@interleave/toolkit/testing';
 * import { RingBuffer } from '@interleave/toolkit';
 *
 * // A reader on an empty ring must see an item added at any point of its read().
 * await everyInterleaving({
 *   setup: () => {
 *     const ring = new RingBuffer({ capacity: 2 });
 *     const writer = new RingBuffer({ buffer: ring.buffer });
 *     return { buffer: ring.buffer, side: () => ring.read(), other: () => writer.tryWrite(7) };
 *   },
 *   check: (outcome) => {
 *     if (outcome.status !== 'fulfilled' || outcome.value !== 7) throw new Error(`step ${outcome.step}: read went wrong`);
 *   },
 * });
 * ```
 */
export async function everyInterleaving<T>(options: EveryInterleavingOptions<T>): Promise<number> {
  const { setup, check = mustFulfil, maxSteps = 1000 } = options;
  for (let step = 0; step <= maxSteps; step++) {
    const { buffer, side, other } = setup();
    const run = await runWithOtherAt(buffer, step, side, other);
    if (!run.reached) return step;
    if (run.outcome.status === 'rejected' && run.outcome.reason instanceof LostWakeUpError) throw run.outcome.reason;
    check(run.outcome);
  }
  throw new Error(`everyInterleaving: the side under test took more than ${maxSteps} atomic steps (options.maxSteps)`);
}

function mustFulfil(outcome: InterleavingOutcome<unknown>): void {
  if (outcome.status === 'rejected') throw outcome.reason;
}

async function runWithOtherAt<T>(
  buffer: SharedArrayBuffer,
  at: number,
  side: () => T,
  other: () => void,
): Promise<{ reached: boolean; outcome: InterleavingOutcome<T> }> {
  let step = 0;
  let acted = false;
  let reached = false;
  let inOther = false;
  const woken = new Set<number>();
  const watched = (array: Int32Array): boolean => !inOther && array.buffer === buffer;
  const act = (): void => {
    acted = true;
    inOther = true;
    try {
      other();
    } finally {
      inOther = false;
    }
  };
  const tick = (array: Int32Array): void => {
    if (!watched(array) || acted) return;
    if (step++ === at) {
      reached = true;
      act();
    }
  };
  const counted =
    (operation: Operation): Operation =>
    (array, index, ...values) => {
      tick(array);
      return operation(array, index, ...values);
    };
  const wait = (array: Int32Array, index: number, value: number): 'not-equal' | 'ok' => {
    tick(array);
    if (real.load(array, index) !== value) return 'not-equal';
    if (!acted) {
      woken.clear();
      act();
      if (woken.has(index)) return 'ok';
    }
    throw new LostWakeUpError(
      `lost wake-up with the other side acting before step ${at}: asleep on word ${index} (= ${value}), and nobody is left to wake it`,
    );
  };
  Object.assign(Atomics, {
    load: counted(real.load),
    store: counted(real.store),
    exchange: counted(real.exchange),
    compareExchange: counted(real.compareExchange),
    add: counted(real.add),
    sub: counted(real.sub),
    notify: (array: Int32Array, index: number, count?: number) => {
      if (inOther && array.buffer === buffer) woken.add(index);
      else tick(array);
      return real.notify(array, index, count);
    },
    wait: (array: Int32Array, index: number, value: number, timeoutMs?: number) =>
      watched(array) ? wait(array, index, value) : real.wait(array, index, value, timeoutMs),
    waitAsync: (array: Int32Array, index: number, value: number, timeoutMs?: number) => {
      if (!watched(array)) return real.waitAsync(array, index, value, timeoutMs);
      const result = wait(array, index, value);
      return result === 'not-equal' ? { async: false, value: result } : { async: true, value: Promise.resolve(result) };
    },
  });
  try {
    const value = await side();
    return { reached, outcome: { status: 'fulfilled', value, step: at } };
  } catch (reason) {
    return { reached, outcome: { status: 'rejected', reason, step: at } };
  } finally {
    Object.assign(Atomics, real);
  }
}
