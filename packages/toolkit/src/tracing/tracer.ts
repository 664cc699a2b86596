/**
 * The Tracer: records what ran where and when against a clock. Under a virtual clock the
 * output is byte-for-byte repeatable.
 *
 * @module
 */
import type { Span, SpanState, Trace } from './trace.ts';
import { formatTime, lanesOf, unitName } from './layout.ts';

/** Options of {@link Tracer}. */
export interface TracerOptions {
  /** Where time comes from. Default `performance.now`. Pass a virtual clock for repeatable traces. */
  readonly clock?: () => number;
  /** The unit of the clock. Default `"ms"`. */
  readonly unit?: 'ms' | 'tick';
  /** Default title of {@link Tracer.toJSON}. Default `"Timeline"`. */
  readonly title?: string;
  /** Default description of {@link Tracer.toJSON}. Default: one generated from the spans. */
  readonly description?: string;
}

/** Options of {@link Tracer.span}. */
export interface SpanOptions {
  /** Default `"running"`. */
  readonly state?: SpanState;
}

/** Ends an open span (see {@link Tracer.begin}); calling it again does nothing. */
export interface SpanEnd {
  (): void;
  /** The same as calling it. */
  end(): void;
}

function checkText(method: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${method}: ${name} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}

function checkState(method: string, value: unknown): SpanState {
  if (value !== 'running' && value !== 'waiting') {
    throw new TypeError(`${method}: state must be "running" or "waiting", got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Records spans against a clock. Times are relative to the clock's reading when the
 * tracer was made, so a trace starts near 0.
 *
 * @example
 * ```ts
 * import { Tracer, renderAscii } from '@interleave/toolkit';
 *
 * let now = 0; // a virtual clock: output is the same on every run
 * const tracer = new Tracer({ clock: () => now, unit: 'tick', title: 'Two tasks' });
 * const endA = tracer.begin('task A', 'compute', 'running');
 * now = 4;
 * endA();
 * const endB = tracer.begin('task B', 'wait for A', 'waiting');
 * now = 6;
 * endB();
 * tracer.span('task B', 'compute', () => { now = 9; });
 * console.log(renderAscii(tracer.toJSON(), { width: 18 }));
 * ```
 */
export class Tracer {
  readonly #clock: () => number;
  readonly #origin: number;
  readonly #unit: 'ms' | 'tick';
  readonly #title: string;
  readonly #description: string | undefined;
  readonly #spans: Span[] = [];
  // Spans begun but not ended, so toJSON can show them as running up to "now".
  readonly #open = new Set<Span>();

  constructor(options: TracerOptions = {}) {
    const { clock = () => performance.now(), unit = 'ms', title = 'Timeline', description } = options;
    if (typeof clock !== 'function') throw new TypeError(`Tracer: options.clock must be a function returning a number, got ${typeof clock}`);
    if (unit !== 'ms' && unit !== 'tick') throw new TypeError(`Tracer: options.unit must be "ms" or "tick", got ${JSON.stringify(unit)}`);
    this.#clock = clock;
    this.#unit = unit;
    this.#title = checkText('Tracer', 'options.title', title);
    this.#description = description;
    this.#origin = this.#read();
  }

  #read(): number {
    const t = this.#clock();
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new TypeError(`Tracer: the clock returned ${String(t)}, expected a finite number`);
    return t;
  }

  /** The clock's reading now, relative to the tracer's origin. */
  now(): number {
    return this.#read() - this.#origin;
  }

  /**
   * Opens a span on `lane` and returns the function that closes it.
   *
   * @example
   * ```ts
   * import { Tracer } from '@interleave/toolkit';
   * let now = 0;
   * const tracer = new Tracer({ clock: () => now, unit: 'tick' });
   * const end = tracer.begin('main', 'lock', 'waiting');
   * now = 3;
   * end();
   * console.log(tracer.toJSON().spans[0]); // { lane: 'main', label: 'lock', start: 0, end: 3, state: 'waiting' }
   * ```
   */
  begin(lane: string, label: string, state: SpanState = 'running'): SpanEnd {
    checkText('Tracer.begin', 'lane', lane);
    checkText('Tracer.begin', 'label', label);
    checkState('Tracer.begin', state);
    const start = this.now();
    const span: Span = { lane, label, start, end: start, state };
    this.#open.add(span);
    const end = (() => {
      if (!this.#open.delete(span)) return;
      span.end = this.now();
      this.#spans.push(span);
    }) as SpanEnd;
    end.end = end;
    return end;
  }

  /**
   * Runs `fn` inside a span and returns what it returns; for a promise the span ends when
   * the promise settles (either way).
   *
   * @example
   * ```ts
   * import { Tracer } from '@interleave/toolkit';
   * const tracer = new Tracer();
   * const n = await tracer.span('worker 1', 'fetch', async () => 42);
   * console.log(n, tracer.toJSON().spans.length); // 42 1
   * ```
   */
  span<T>(lane: string, label: string, fn: () => T, options: SpanOptions = {}): T {
    if (typeof fn !== 'function') throw new TypeError(`Tracer.span: fn must be a function, got ${typeof fn}`);
    const end = this.begin(lane, label, options.state ?? 'running');
    let result: T;
    try {
      result = fn();
    } catch (error) {
      end();
      throw error;
    }
    if (isPromiseLike(result)) {
      return Promise.resolve(result).finally(end) as T;
    }
    end();
    return result;
  }

  /**
   * Adds a finished span directly (for traces computed rather than observed).
   *
   * @example
   * ```ts
   * import { Tracer } from '@interleave/toolkit';
   * const tracer = new Tracer({ clock: () => 0, unit: 'tick' });
   * tracer.record({ lane: 'core 1', label: 'sum', start: 0, end: 5, state: 'running' });
   * console.log(tracer.toJSON().spans.length); // 1
   * ```
   */
  record(span: Span): void {
    checkText('Tracer.record', 'span.lane', span.lane);
    checkText('Tracer.record', 'span.label', span.label);
    checkState('Tracer.record', span.state);
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end) || span.end < span.start) {
      throw new RangeError(`Tracer.record: span needs finite start ≤ end, got start ${span.start}, end ${span.end}`);
    }
    this.#spans.push({ lane: span.lane, label: span.label, start: span.start, end: span.end, state: span.state });
  }

  /**
   * The trace so far, spans ordered by start (then lane order of first appearance). Spans
   * still open are included, ending now. Times in `"ms"` are rounded to microseconds.
   * `JSON.stringify(tracer)` works too.
   */
  toJSON(meta?: { title?: string; description?: string } | string): Trace {
    const override = typeof meta === 'object' && meta !== null ? meta : {};
    const now = this.now();
    const all = [...this.#spans, ...[...this.#open].map((s) => ({ ...s, end: now }))];
    const round = this.#unit === 'ms' ? (t: number) => Math.round(t * 1000) / 1000 : (t: number) => t;
    const spans = all
      .map((s, i) => ({ s, i }))
      .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
      .map(({ s }) => ({ lane: s.lane, label: s.label, start: round(s.start), end: round(s.end), state: s.state }));
    const title = override.title ?? this.#title;
    return {
      title,
      description: override.description ?? this.#description ?? describeSpans(spans, this.#unit),
      unit: this.#unit,
      spans,
    };
  }
}

function describeSpans(spans: readonly Span[], unit: string): string {
  const lanes = lanesOf(spans);
  const end = spans.reduce((m, s) => Math.max(m, s.end), 0);
  return `${spans.length} span${spans.length === 1 ? '' : 's'} on ${lanes.length} lane${lanes.length === 1 ? '' : 's'} (${lanes.join(', ')}) over ${formatTime(end)} ${unitName(unit)}.`;
}
