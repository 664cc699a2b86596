/**
 * `LoopRecorder`: what an {@link EventLoop} did, iteration by iteration and callback by
 * callback — for timelines, tests, and the site's step-through view (`toSteps`).
 *
 * @module
 */
import type { EventLoop } from './event-loop.ts';
import type { Handle } from './handle.ts';

/** One iteration of the loop. */
export interface IterationRecord {
  readonly iteration: number;
  /** Loop time (ms) when it began. */
  readonly time: number;
  /** Callbacks in the snapshot it ran (due timers included). */
  readonly readyAtStart: number;
  /** Labels of the callbacks that ran, in order (cancelled ones skipped). */
  readonly ran: string[];
  /** Callbacks scheduled meanwhile, waiting for the next iteration. */
  readyAfter: number;
  /** The earliest live timer when it ended, if any. */
  nextTimer: { readonly when: number; readonly label: string } | undefined;
}

/** One step of the site's step-through view: the state right after one callback ran. */
export interface LoopStep {
  readonly iteration: number;
  readonly time: number;
  /** The callback that just ran. */
  readonly running: string;
  /** The ready queue after it ran, front first. */
  readonly ready: string[];
  /** Live timers in firing order. */
  readonly timers: { readonly when: number; readonly label: string }[];
  /** Everything printed so far. */
  readonly output: string[];
  note?: string;
}

/** The file format the site renders from `[[steps traces/NAME.json]]`. */
export interface EventLoopSteps {
  readonly kind: 'event-loop-steps';
  readonly title: string;
  readonly steps: LoopStep[];
}

/** Options of {@link LoopRecorder}. */
export interface LoopRecorderOptions {
  /** Also write what `print` receives to the console. Default false. */
  readonly echo?: boolean;
  /** Record at most this many steps (iterations are always recorded). Default 1000. */
  readonly maxSteps?: number;
}

/**
 * Records a loop's run. Pass it as `new EventLoop({ recorder })`; call `print(line)` for the
 * program's output so each step shows what had been printed by then.
 *
 * @example
 * ```ts
 * import { EventLoop, LoopRecorder } from '@interleave/toolkit';
 * const recorder = new LoopRecorder();
 * const loop = new EventLoop({ recorder });
 * loop.callLater(5, () => recorder.print('timer'), { label: 'timer' });
 * loop.callSoon(() => recorder.print('soon'), { label: 'soon' });
 * loop.callLater(6, () => loop.stop(), { label: 'stop' });
 * await loop.runForever();
 * console.log(recorder.iterations.map((i) => `${i.time}: ${i.ran.join(', ')}`)); // ['0: soon', '5: timer', '6: stop']
 * console.log(recorder.toSteps('demo').steps.length); // 3
 * ```
 */
export class LoopRecorder {
  /** Every iteration, in order. */
  readonly iterations: IterationRecord[] = [];
  /** One entry per callback that ran (up to `maxSteps`). */
  readonly steps: LoopStep[] = [];
  /** Everything `print` received. */
  readonly output: string[] = [];
  readonly #echo: boolean;
  readonly #maxSteps: number;
  #loop: EventLoop | undefined;
  #current: IterationRecord | undefined;
  #pendingNote: string | undefined;

  constructor(options: LoopRecorderOptions = {}) {
    const maxSteps = options.maxSteps ?? 1000;
    if (!Number.isInteger(maxSteps) || maxSteps < 0) throw new RangeError(`LoopRecorder(options): options.maxSteps must be an integer ≥ 0, got ${String(maxSteps)}`);
    this.#echo = options.echo ?? false;
    this.#maxSteps = maxSteps;
  }

  /** Records a line of the program's output (and echoes it if asked). */
  print(line: string): void {
    this.output.push(String(line));
    if (this.#echo) console.log(line);
  }

  /** Attaches an explanation to the step of the callback running now (or, outside one, of the next). */
  note(text: string): void {
    this.#pendingNote = text;
  }

  /** The run as the site's step-through file. */
  toSteps(title: string): EventLoopSteps {
    if (typeof title !== 'string' || title === '') throw new TypeError(`toSteps(title): title must be a non-empty string, got ${JSON.stringify(title)}`);
    return { kind: 'event-loop-steps', title, steps: this.steps.map((s) => ({ ...s })) };
  }

  /** @internal */
  attach(loop: EventLoop): void {
    if (this.#loop !== undefined && this.#loop !== loop) throw new TypeError('LoopRecorder: a recorder records one loop; make a new one');
    this.#loop = loop;
  }

  /** @internal */
  detach(_loop: EventLoop): void {}

  /** @internal */
  beginIteration(loop: EventLoop, todo: readonly Handle[]): void {
    this.#current = { iteration: loop.iteration, time: loop.time(), readyAtStart: todo.length, ran: [], readyAfter: 0, nextTimer: undefined };
    this.iterations.push(this.#current);
  }

  /** @internal */
  beforeCallback(_loop: EventLoop, handle: Handle, _rest: readonly Handle[]): void {
    this.#current?.ran.push(handle.label);
  }

  /** @internal */
  afterCallback(loop: EventLoop, handle: Handle, rest: readonly Handle[]): void {
    if (this.steps.length >= this.#maxSteps) return;
    const { ready, timers } = loop.snapshot();
    const step: LoopStep = {
      iteration: loop.iteration,
      time: loop.time(),
      running: handle.label,
      ready: [...rest.filter((h) => !h.cancelled).map((h) => h.label), ...ready],
      timers,
      output: [...this.output],
    };
    if (this.#pendingNote !== undefined) {
      step.note = this.#pendingNote;
      this.#pendingNote = undefined;
    }
    this.steps.push(step);
  }

  /** @internal */
  endIteration(loop: EventLoop): void {
    const current = this.#current;
    if (current === undefined) return;
    const { ready, timers } = loop.snapshot();
    current.readyAfter = ready.length;
    current.nextTimer = timers[0];
  }
}
