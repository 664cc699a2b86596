/**
 * The SVG timeline for the site: an accessible figure with a table of every span.
 *
 * @module
 */
import { checkTrace, type Trace } from './trace.ts';
import { extent, formatTime, lanesOf, unitName } from './layout.ts';

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
