/**
 * Tracing: record what ran where and when — spans on lanes, each running or waiting — and
 * render the record as an ASCII timeline for the terminal or an accessible SVG for the site.
 * Under a virtual clock the output is byte-for-byte repeatable.
 *
 * @module
 */

/** Whether a span was doing work or waiting (for a lock, a timer, I/O…). */
export type SpanState = 'running' | 'waiting';

/** One interval on one lane. `start` and `end` are in the trace's unit, from its origin. */
export interface Span {
  lane: string;
  label: string;
  start: number;
  end: number;
  state: SpanState;
}

/**
 * A recorded timeline (the Trace JSON of `lessons/*\/traces/*.json`): `unit` is `"ms"` for
 * real time or `"tick"` for a virtual clock's steps.
 */
export interface Trace {
  title: string;
  description: string;
  unit: 'ms' | 'tick';
  spans: Span[];
}

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

function unitName(unit: string): string {
  return unit === 'tick' ? 'ticks' : unit;
}

function lanesOf(spans: readonly Span[]): string[] {
  return [...new Set(spans.map((s) => s.lane))];
}

/** Up to three decimals, no trailing zeros, no locale: stable across machines. */
function formatTime(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}

/**
 * Checks a Trace (from a JSON file, say) and returns it typed; throws a `TypeError` that
 * names `where` and the first bad field.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { checkTrace, renderAscii } from '@interleave/toolkit';
 *
 * const file = 'traces/two-workers.json';
 * const trace = checkTrace(JSON.parse(readFileSync(file, 'utf8')), file);
 * console.log(renderAscii(trace));
 * // A span that ends before it starts fails with a message such as:
 * // traces/two-workers.json: spans[0].end must be a finite number ≥ start (2), got 1
 * ```
 */
export function checkTrace(trace: unknown, where = 'trace'): Trace {
  const fail = (field: string, got: unknown, want: string): never => {
    throw new TypeError(`${where}: ${field} must be ${want}, got ${JSON.stringify(got) ?? String(got)}`);
  };
  if (typeof trace !== 'object' || trace === null) return fail('the trace', trace, 'an object');
  const t = trace as Record<string, unknown>;
  if (typeof t.title !== 'string') fail('title', t.title, 'a string');
  if (typeof t.description !== 'string') fail('description', t.description, 'a string');
  if (t.unit !== 'ms' && t.unit !== 'tick') fail('unit', t.unit, '"ms" or "tick"');
  if (!Array.isArray(t.spans)) return fail('spans', t.spans, 'an array');
  t.spans.forEach((s: unknown, i: number) => {
    const span = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    if (typeof span.lane !== 'string' || span.lane === '') fail(`spans[${i}].lane`, span.lane, 'a non-empty string');
    if (typeof span.label !== 'string') fail(`spans[${i}].label`, span.label, 'a string');
    if (typeof span.start !== 'number' || !Number.isFinite(span.start)) fail(`spans[${i}].start`, span.start, 'a finite number');
    if (typeof span.end !== 'number' || !Number.isFinite(span.end) || span.end < (span.start as number)) {
      fail(`spans[${i}].end`, span.end, `a finite number ≥ start (${String(span.start)})`);
    }
    if (span.state !== 'running' && span.state !== 'waiting') fail(`spans[${i}].state`, span.state, '"running" or "waiting"');
  });
  return trace as Trace;
}

/** Options of {@link renderAscii}. */
export interface RenderAsciiOptions {
  /** Columns of the time axis (not counting lane names). Default 60; at least 10. */
  readonly width?: number;
  /** Use only ASCII characters (`#` running, `.` waiting) instead of block glyphs. Default false. */
  readonly ascii?: boolean;
}

/**
 * Renders a trace as a text timeline: one row per lane, `█` running and `░` waiting,
 * labels inside the bars where they fit, a time axis and a legend. Deterministic.
 *
 * @example
 * ```ts
 * import { renderAscii } from '@interleave/toolkit';
 * console.log(renderAscii({
 *   title: 'Lost update', description: 'Two threads read, then both write.', unit: 'tick',
 *   spans: [
 *     { lane: 'thread 1', label: 'read', start: 0, end: 2, state: 'running' },
 *     { lane: 'thread 2', label: 'read', start: 1, end: 3, state: 'running' },
 *     { lane: 'thread 1', label: 'write', start: 3, end: 5, state: 'running' },
 *   ],
 * }, { width: 20 }));
 * ```
 */
export function renderAscii(trace: Trace, options: RenderAsciiOptions = {}): string {
  checkTrace(trace, 'renderAscii');
  const width = options.width ?? 60;
  if (!Number.isInteger(width) || width < 10) throw new RangeError(`renderAscii: options.width must be an integer ≥ 10, got ${width}`);
  const glyph = options.ascii ? { running: '#', waiting: '.', empty: ' ', axis: '-' } : { running: '█', waiting: '░', empty: ' ', axis: '─' };
  const lanes = lanesOf(trace.spans);
  const gutter = Math.max(4, ...lanes.map((l) => l.length));
  const { min, max } = extent(trace.spans);
  const scale = (t: number) => ((t - min) / (max - min)) * width;
  const lines: string[] = [trace.title];
  for (const lane of lanes) {
    const cells = new Array<string>(width).fill(glyph.empty);
    const labels: { from: number; to: number; label: string; fill: string }[] = [];
    // Waiting first, so running wins where a lane's spans overlap.
    const spans = trace.spans.filter((s) => s.lane === lane);
    for (const state of ['waiting', 'running'] as const) {
      for (const s of spans.filter((x) => x.state === state)) {
        const from = Math.min(width - 1, Math.floor(scale(s.start)));
        const to = Math.max(from + 1, Math.min(width, Math.round(scale(s.end))));
        for (let c = from; c < to; c++) cells[c] = glyph[state];
        labels.push({ from, to, label: s.label, fill: glyph[state] });
      }
    }
    // A label goes inside its bar when it fits with one bar cell on each side, and only
    // over its own bar (not over a running span drawn on top, nor another label).
    for (const { from, to, label, fill } of labels) {
      if (label.length + 2 > to - from) continue;
      const at = from + Math.floor((to - from - label.length) / 2);
      if (!cells.slice(at - 1, at + label.length + 1).every((c) => c === fill)) continue;
      for (let k = 0; k < label.length; k++) cells[at + k] = label[k]!;
    }
    lines.push(`${lane.padEnd(gutter)} │${cells.join('')}│`);
  }
  const left = `${formatTime(min)}`;
  const right = `${formatTime(max)} ${unitName(trace.unit)}`;
  lines.push(`${' '.repeat(gutter)} └${glyph.axis.repeat(width)}┘`.replace(/[└┘]/g, (c) => (options.ascii ? '+' : c)));
  lines.push(`${' '.repeat(gutter + 2)}${left}${right.padStart(width - left.length)}`);
  lines.push(`${' '.repeat(gutter + 2)}${glyph.running} running  ${glyph.waiting} waiting`);
  if (options.ascii) lines.forEach((l, i) => (lines[i] = l.replace(/│/g, '|')));
  return `${lines.join('\n')}\n`;
}

function extent(spans: readonly Span[]): { min: number; max: number } {
  if (spans.length === 0) return { min: 0, max: 1 };
  const min = Math.min(0, ...spans.map((s) => s.start));
  const max = Math.max(...spans.map((s) => s.end));
  return { min, max: max > min ? max : min + 1 };
}

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** Width of the SVG in CSS pixels. Default 720; at least 200. */
  readonly width?: number;
  /** Prefix of the element ids (must be unique on the page). Default: derived from the trace's content. */
  readonly id?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** FNV-1a, 32-bit: a short stable id from the content, so ids differ between traces. */
function hashId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `trace-${h.toString(36)}`;
}

/** 1, 2 or 5 × 10^k: a round step giving about `count` ticks over `range`. */
function niceStep(range: number, count: number): number {
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Pixel positions with at most two decimals, so the markup is short and stable. */
function px(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const SVG_STYLE = [
  '.trace-svg{font:12px system-ui,-apple-system,"Segoe UI",sans-serif}',
  '.trace-svg text{fill:currentColor}',
  '.trace-svg .axis{stroke:currentColor;stroke-opacity:.45}',
  '.trace-svg .grid{stroke:currentColor;stroke-opacity:.12}',
  '.trace-svg .running{fill:var(--trace-running,#3b82f6);fill-opacity:.35;stroke:var(--trace-running,#3b82f6);stroke-width:1.5}',
  '.trace-svg .waiting{fill:var(--trace-waiting,#f59e0b);fill-opacity:.12;stroke:var(--trace-waiting,#f59e0b);stroke-width:1.5;stroke-dasharray:4 3}',
  '@media (prefers-color-scheme:dark){.trace-svg .running{fill-opacity:.45}.trace-svg .waiting{fill-opacity:.2}}',
].join('');

/**
 * Renders a trace as an accessible SVG figure: the `<svg>` has `role="img"`, a `<title>`
 * and a `<desc>` joined by `aria-labelledby`/`aria-describedby`, and the figure carries a
 * text alternative — a table of every span — inside a `<details>` element. Colours come
 * from CSS (`currentColor`, `--trace-running`, `--trace-waiting`), so it reads in light and
 * dark themes; running and waiting also differ by line style, not by colour alone.
 * Deterministic: the same trace gives the same bytes.
 *
 * @example
 * ```ts
 * import { renderSvg } from '@interleave/toolkit';
 * const html = renderSvg({
 *   title: 'A lock', description: 'B waits while A holds the lock.', unit: 'ms',
 *   spans: [
 *     { lane: 'A', label: 'holds lock', start: 0, end: 10, state: 'running' },
 *     { lane: 'B', label: 'waits', start: 2, end: 10, state: 'waiting' },
 *   ],
 * });
 * console.log(html.includes('role="img"')); // true
 * ```
 */
export function renderSvg(trace: Trace, options: RenderSvgOptions = {}): string {
  checkTrace(trace, 'renderSvg');
  const width = options.width ?? 720;
  if (!Number.isFinite(width) || width < 200) throw new RangeError(`renderSvg: options.width must be a number ≥ 200, got ${width}`);
  const id = options.id ?? hashId(JSON.stringify(trace));
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new TypeError(`renderSvg: options.id must start with a letter and hold only letters, digits, "_" and "-", got ${JSON.stringify(id)}`);

  const lanes = lanesOf(trace.spans);
  const laneHeight = 30;
  const barHeight = 20;
  const top = 8;
  const gutter = Math.min(Math.round(width * 0.35), 16 + 7 * Math.max(4, ...lanes.map((l) => l.length)));
  const right = 16;
  const plot = width - gutter - right;
  const axisY = top + lanes.length * laneHeight + 4;
  const height = axisY + 34;
  const { min, max } = extent(trace.spans);
  const x = (t: number) => gutter + ((t - min) / (max - min)) * plot;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="trace-svg" width="${px(width)}" height="${height}" viewBox="0 0 ${px(width)} ${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`,
    `<title id="${id}-title">${escapeXml(trace.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(trace.description)} Solid bars are running, dashed bars are waiting. A table with every span follows the figure.</desc>`,
    `<style>${SVG_STYLE}</style>`,
  );
  // Grid lines and tick labels at round times.
  const step = niceStep(max - min, 6);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step);
  parts.push('<g class="ticks">');
  for (const t of ticks) {
    const tx = px(x(t));
    parts.push(
      `<line class="grid" x1="${tx}" y1="${top}" x2="${tx}" y2="${axisY}"/>`,
      `<text x="${tx}" y="${axisY + 16}" text-anchor="middle">${formatTime(t)}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${gutter}" y1="${axisY}" x2="${px(gutter + plot)}" y2="${axisY}"/>`,
    `<text x="${px(gutter + plot)}" y="${axisY + 30}" text-anchor="end">time (${unitName(trace.unit)})</text>`,
    '</g>',
  );
  lanes.forEach((lane, i) => {
    const y = top + i * laneHeight;
    parts.push(`<g class="lane">`, `<text x="${gutter - 8}" y="${y + barHeight / 2 + 4}" text-anchor="end">${escapeXml(lane)}</text>`);
    for (const state of ['waiting', 'running'] as const) {
      for (const s of trace.spans.filter((sp) => sp.lane === lane && sp.state === state)) {
        const x0 = x(s.start);
        const w = Math.max(1, x(s.end) - x0);
        parts.push(`<rect class="${state}" x="${px(x0)}" y="${y}" width="${px(w)}" height="${barHeight}" rx="3"/>`);
        // A label is drawn only where it fits (about 6.5 px per character).
        if (s.label.length * 6.5 + 8 <= w) {
          parts.push(`<text x="${px(x0 + w / 2)}" y="${y + barHeight / 2 + 4}" text-anchor="middle">${escapeXml(s.label)}</text>`);
        }
      }
    }
    parts.push('</g>');
  });
  parts.push('</svg>');

  const rows = trace.spans.map(
    (s) =>
      `<tr><td>${escapeXml(s.lane)}</td><td>${escapeXml(s.label)}</td><td>${s.state}</td><td>${formatTime(s.start)}</td><td>${formatTime(s.end)}</td></tr>`,
  );
  const table = [
    `<details class="trace-table"><summary>${escapeXml(trace.title)}: the timeline as a table</summary>`,
    `<table><caption>${escapeXml(trace.description)}</caption>`,
    `<thead><tr><th scope="col">Lane</th><th scope="col">Span</th><th scope="col">State</th><th scope="col">Start (${trace.unit})</th><th scope="col">End (${trace.unit})</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table></details>`,
  ];
  return `<figure class="trace" id="${id}">\n${parts.join('\n')}\n${table.join('\n')}\n</figure>\n`;
}
