/**
 * The terminal timeline: one row per lane, `█` running and `░` waiting.
 *
 * @module
 */
import { checkTrace, type Trace } from './trace.ts';
import { extent, formatTime, lanesOf, unitName } from './layout.ts';

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
