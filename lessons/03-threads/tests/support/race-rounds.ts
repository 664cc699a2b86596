// Worker side: run a body in many short rounds on two threads at once, and measure in
// each round whether the threads *really* ran in parallel.
//
// Why: a race only shows when two threads run at the same instant on two cores. On a busy
// machine the OS may time-slice both threads on one core, and a racy answer then passes by
// luck. So every round first runs a known-racy probe (a plain `++` loop, the test's own),
// then the body. When the probe loses updates, the threads overlapped in that round, and
// a racy body almost surely lost updates too. The rounds stop as soon as the body's check
// fails, or once `evidence` rounds proved parallelism, or at the round / time limit.
import { spinBarrier } from './barriers.ts';

/** Int32 slots of the control block: barrier, probe, stop flag, rounds, parallel rounds. */
export const RACE_SLOTS = 5;
const BARRIER = 0;
const PROBE = 1;
const STOP = 2;
const ROUNDS = 3;
const PARALLEL = 4;
const PROBE_TIMES = 100_000;

export interface RaceRoundsOptions {
  /** RACE_SLOTS zeroed Int32 slots shared by both threads. */
  control: Int32Array;
  /** 0 or 1: thread 0 checks and decides when to stop. */
  me: number;
  /** One round of the work under test. */
  body: () => void;
  /** Run by thread 0 after each round while both wait: true while the results are right. */
  check: (roundsDone: number) => boolean;
  /** Stop after this many rounds that proved parallelism. Default 20. */
  evidence?: number;
  maxRounds?: number;
  budgetMs?: number;
}

export interface RaceRoundsResult {
  rounds: number;
  parallelRounds: number;
  /** Whether `check` failed. */
  broken: boolean;
}

/** Runs the rounds (call it in both threads with the same `control`). */
export function raceRounds(options: RaceRoundsOptions): RaceRoundsResult {
  const { control, me, body, check, evidence = 20, maxRounds = 2000, budgetMs = 1000 } = options;
  const started = performance.now();
  let broken = false;
  let sync = 0;
  for (;;) {
    spinBarrier(control, BARRIER, 2, sync++);
    for (let i = 0; i < PROBE_TIMES; i++) control[PROBE]!++;
    spinBarrier(control, BARRIER, 2, sync++);
    body();
    spinBarrier(control, BARRIER, 2, sync++);
    if (me === 0) {
      const parallel = Atomics.load(control, PROBE) !== 2 * PROBE_TIMES;
      Atomics.store(control, PROBE, 0);
      const rounds = Atomics.add(control, ROUNDS, 1) + 1;
      const proofs = parallel ? Atomics.add(control, PARALLEL, 1) + 1 : Atomics.load(control, PARALLEL);
      broken = !check(rounds);
      if (broken || proofs >= evidence || rounds >= maxRounds || performance.now() - started > budgetMs) {
        Atomics.store(control, STOP, broken ? 2 : 1);
      }
    }
    spinBarrier(control, BARRIER, 2, sync++);
    if (Atomics.load(control, STOP) !== 0) break;
  }
  return { rounds: Atomics.load(control, ROUNDS), parallelRounds: Atomics.load(control, PARALLEL), broken: Atomics.load(control, STOP) === 2 };
}
