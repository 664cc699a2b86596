/**
 * The benchmarks page: every `packages/toolkit/bench/results/<suite>.json` (contract 3)
 * drawn as bar charts — ours against each peer, the ratio, and the physical limit where one
 * exists — each chart with a table as its text alternative.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './escape.ts';
import { uniqueId } from './markdown.ts';
import type { CaseResult, SuiteResult } from '@interleave/toolkit/bench/lib.ts';

/** One case of a suite result (contract 3), as `packages/toolkit/bench/lib.ts` writes it. */
export type BenchCaseResult = CaseResult;

/** A suite result file (contract 3), as `packages/toolkit/bench/lib.ts` writes it. */
export type BenchSuiteResult = SuiteResult;

/** Reads every `*.json` in `dir` (none: empty list). Throws naming the file on a bad one. */
export function loadBenchResults(dir: string): BenchSuiteResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('local-'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const data = JSON.parse(readFileSync(file, 'utf8')) as BenchSuiteResult;
      if (typeof data.suite !== 'string' || !Array.isArray(data.cases)) {
        throw new Error(`${file}: not a bench result (contract 3): expected "suite" and "cases"`);
      }
      for (const [i, c] of data.cases.entries()) {
        if (typeof c.name !== 'string' || typeof c.ours !== 'number' || typeof c.peers !== 'object' || c.peers === null) {
          throw new Error(`${file}: cases[${i}] needs "name", a number "ours" and an object "peers"`);
        }
      }
      return data;
    });
}

function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === 'x' ? `${text}×` : `${text} ${unit}`;
}

/** One case as an SVG bar chart plus a table. */
function renderCase(c: BenchCaseResult, id: string): string {
  const bars: { name: string; value: number; ours: boolean }[] = [
    { name: 'Interleave', value: c.ours, ours: true },
    ...Object.entries(c.peers).map(([name, value]) => ({ name, value, ours: false })),
  ];
  const highest = Math.max(...bars.map((b) => b.value));
  // A limit far beyond every bar (a timeout, say) would squash the bars: it is then named at
  // the right edge instead of drawn to scale.
  const limitOnScale = c.limit !== undefined && c.limit <= highest * 1.6;
  const max = Math.max(highest, limitOnScale ? c.limit! : 0) || 1;
  const width = 640;
  // Room for the longest name at the chart's 12px sans-serif (≈ 7 px a character).
  const gutter = Math.max(150, Math.ceil(16 + 7 * Math.max(...bars.map((b) => b.name.length))));
  const right = 110;
  const barH = 22;
  const gap = 10;
  const top = 8;
  const plot = width - gutter - right;
  const height = top + bars.length * (barH + gap) + 24;
  const x = (v: number) => gutter + (Math.max(0, v) / max) * plot;
  const better = c.higherIsBetter ? 'higher is better' : 'lower is better';
  const ratioText = Object.entries(c.ratios ?? {})
    .map(([peer, r]) => `ours / ${peer} = ${r.toFixed(2)}`)
    .join('; ');
  const desc = `${c.name} in ${c.unit} (${better}). ${bars.map((b) => `${b.name}: ${formatValue(b.value, c.unit)}`).join(', ')}.${
    c.limit !== undefined ? ` Physical limit on this machine: ${formatValue(c.limit, c.unit)}.` : ''
  }${ratioText ? ` Ratios: ${ratioText}.` : ''}`;
  const parts = [
    `<svg class="bench-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d">`,
    `<title id="${id}-t">${escapeHtml(c.name)}</title>`,
    `<desc id="${id}-d">${escapeHtml(desc)}</desc>`,
  ];
  bars.forEach((b, i) => {
    const y = top + i * (barH + gap);
    parts.push(
      `<text x="${gutter - 8}" y="${y + barH / 2 + 4}" text-anchor="end">${escapeHtml(b.name)}</text>`,
      `<rect class="${b.ours ? 'bar-ours' : 'bar-peer'}" x="${gutter}" y="${y}" width="${Math.max(1, x(b.value) - gutter).toFixed(1)}" height="${barH}" rx="3"/>`,
      `<text x="${(x(b.value) + 6).toFixed(1)}" y="${y + barH / 2 + 4}">${escapeHtml(formatValue(b.value, c.unit))}</text>`,
    );
  });
  if (c.limit !== undefined && limitOnScale) {
    const lx = x(c.limit).toFixed(1);
    parts.push(
      `<line class="limit" x1="${lx}" y1="${top - 4}" x2="${lx}" y2="${height - 18}"/>`,
      `<text x="${lx}" y="${height - 4}" text-anchor="middle">limit ${escapeHtml(formatValue(c.limit, c.unit))}</text>`,
    );
  } else if (c.limit !== undefined) {
    parts.push(`<text x="${width - 4}" y="${height - 4}" text-anchor="end">limit ${escapeHtml(formatValue(c.limit, c.unit))} (off this scale) →</text>`);
  }
  parts.push('</svg>');
  const rows = bars
    .map((b) => {
      const ratio = b.ours ? '—' : c.ratios?.[b.name] !== undefined ? `${c.ratios[b.name]!.toFixed(2)}` : '—';
      return `<tr><th scope="row">${escapeHtml(b.name)}</th><td>${escapeHtml(formatValue(b.value, c.unit))}</td><td>${ratio}</td></tr>`;
    })
    .join('');
  return `<figure class="bench-case" id="${id}">
<figcaption><strong>${escapeHtml(c.name)}</strong> — ${escapeHtml(c.unit)}, ${better}${c.limit !== undefined ? `; physical limit ${escapeHtml(formatValue(c.limit, c.unit))}` : ''}; a ratio ${c.higherIsBetter ? 'above' : 'below'} 1 means ours does better</figcaption>
<div class="chart">${parts.join('')}</div>
<div class="table-wrap"><table><caption class="sr-only">${escapeHtml(c.name)}: the figures</caption><thead><tr><th scope="col">Contender</th><th scope="col">${escapeHtml(c.unit)}</th><th scope="col">Ratio ours / peer</th></tr></thead><tbody>${rows}</tbody></table></div>
${c.note ? `<p class="note">${escapeHtml(c.note)}</p>` : ''}
</figure>
`;
}

/** The benchmarks page body, and its headings for the contents and the search index. */
export function renderBenchPage(results: readonly BenchSuiteResult[], usedIds: Set<string>): { body: string; headings: { id: string; text: string; level: number }[] } {
  const headings: { id: string; text: string; level: number }[] = [];
  let body = `<h1 id="${uniqueId('benchmarks', usedIds)}">Benchmarks</h1>
<p class="lead">The toolkit measured against what you would otherwise install, side by side in one run: each contender in a fresh process, warm-up first, interleaved repetitions, medians. A ratio is ours ÷ theirs; the physical limit is what the machine allows (2 cores ⇒ at most 2.0× speed-up).</p>
`;
  if (results.length === 0) {
    body += `<div class="callout callout-note" role="note"><p class="callout-title">No results recorded yet</p><p>Run <code class="cmd">pnpm bench</code> to measure; it writes <code>packages/toolkit/bench/results/*.json</code>, and the next <code>pnpm site</code> draws them here.</p></div>\n`;
    return { body, headings };
  }
  for (const suite of results) {
    const id = uniqueId(`suite-${suite.suite}`, usedIds);
    headings.push({ id, text: suite.title, level: 2 });
    const m = suite.machine;
    body += `<section class="bench-suite" aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(suite.title)}</h2>
<p class="bench-meta">Measured ${escapeHtml(suite.date.slice(0, 10))} on ${escapeHtml(String(m?.cpus ?? '?'))} × ${escapeHtml(m?.model ?? 'unknown CPU')}, Node ${escapeHtml(m?.node ?? '?')}. Re-run: <code class="cmd">${escapeHtml(suite.command)}</code></p>
`;
    for (const c of suite.cases) body += renderCase(c, uniqueId(`${id}-${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, usedIds));
    body += '</section>\n';
  }
  return { body, headings };
}
