/**
 * The benchmarks page: every `packages/toolkit/bench/results/<suite>.json` (contract 3)
 * drawn as bar charts, each with a table as its text alternative.
 *
 * One vocabulary, on the page and here:
 * - a **contender** is anything measured in a case: ours (the Interleave toolkit) or a peer;
 * - a **peer** is another library, or a reference such as bare promises, doing the same work;
 * - the **floor** is what no implementation can beat on this machine (2 cores: a 2.0×
 *   speed-up at most). A recorded limit that a contender beats is not a floor and is not drawn;
 * - a contender that **failed** shows "failed: <why>", never a number or a ratio.
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './escape.ts';
import type { Heading } from './markdown.ts';
import { uniqueId } from './markdown.ts';

/** The machine a suite ran on. */
export interface BenchMachine {
  cpus: number;
  model: string;
  node: string;
}

/**
 * One case of a suite result (contract 3), as `packages/toolkit/bench/lib.ts` writes it.
 * `floor`, `failed` and `timeoutMs` are optional additions the page understands; results
 * written before them say `limit` for the floor and record a failure as the time limit.
 */
export interface BenchCaseResult {
  name: string;
  unit: 'ops/s' | 'ms' | 'x' | 'MB' | (string & {});
  higherIsBetter: boolean;
  ours: number;
  peers: Record<string, number>;
  ratios?: Record<string, number>;
  /** What no implementation can beat. */
  floor?: number;
  /** Older name of `floor` (also used, wrongly, for a time limit). */
  limit?: number;
  /** Contenders that failed, by name (`ours` for ours), with why. Their figure is not shown. */
  failed?: Record<string, string>;
  /** A contender still running after this long was stopped and failed. */
  timeoutMs?: number;
  note?: string;
}

/** A suite result file (contract 3). */
export interface BenchSuiteResult {
  suite: string;
  title: string;
  command: string;
  date: string;
  machine?: BenchMachine;
  cases: BenchCaseResult[];
}

/** One bar of a case: ours or a peer, with its figure or why it failed. */
export interface Contender {
  name: string;
  ours: boolean;
  value: number;
  /** Set when the contender failed: why. Its value is then meaningless. */
  failed?: string;
  /** ours ÷ this contender, when both have a figure. */
  ratio?: number;
}

/** A case as the page shows it, after the vocabulary's rules are applied. */
export interface CaseView {
  contenders: Contender[];
  /** The floor, when the case has one that no contender beats. */
  floor?: number;
  /** Sentences the page adds about the data (a limit that is not a floor, a time limit). */
  remarks: string[];
}

/** The name of our bar, everywhere on the page (a peer may be "ours, default heap"). */
export const OURS = 'ours';

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
        if (c.failed !== undefined && (typeof c.failed !== 'object' || c.failed === null || Object.values(c.failed).some((v) => typeof v !== 'string'))) {
          throw new Error(`${file}: cases[${i}].failed must map a contender's name to why it failed (a string)`);
        }
      }
      return data;
    });
}

export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === 'x' ? `${text}×` : `${text} ${unit}`;
}

/**
 * Applies the vocabulary to one case: who failed and why, which ratios stand, and whether
 * the recorded limit is a floor. A recorded limit that some contender beats is not one:
 * in a time-based case where the others sit exactly on it, it was the time limit, and
 * those contenders failed by running into it.
 *
 * @example
 * ```ts
 * import { viewOfCase } from './bench.ts';
 * const view = viewOfCase({ name: 'exit', unit: 'ms', higherIsBetter: false, ours: 7, peers: { tinypool: 2000 }, ratios: { tinypool: 0.0035 }, limit: 2000 });
 * view.contenders[1]; // { name: 'tinypool', ours: false, value: 2000, failed: 'did not finish within the 2,000 ms time limit' }
 * view.floor; // undefined
 * ```
 */
export function viewOfCase(c: BenchCaseResult): CaseView {
  const failed: Record<string, string> = { ...(c.failed ?? {}) };
  const all: Contender[] = [
    { name: OURS, ours: true, value: c.ours },
    ...Object.entries(c.peers).map(([name, value]): Contender => ({ name, ours: false, value })),
  ];
  const remarks: string[] = [];
  const recorded = c.floor ?? c.limit;
  let floor: number | undefined;
  // Beating a floor means doing better by more than its rounding (a floor is often a peer's figure, rounded).
  const beats = (v: number, f: number): boolean => (c.higherIsBetter ? v > f * 1.005 : v < f * 0.995);
  if (c.timeoutMs !== undefined) {
    for (const x of all) if (!failed[x.name] && !c.higherIsBetter && x.value >= c.timeoutMs) failed[x.name] = `did not finish within the ${formatValue(c.timeoutMs, 'ms')} time limit`;
  }
  if (recorded !== undefined) {
    const scored = all.filter((x) => !failed[x.name]);
    const beaten = scored.filter((x) => beats(x.value, recorded));
    if (beaten.length === 0) floor = recorded;
    else if (c.unit === 'ms' && !c.higherIsBetter && c.floor === undefined) {
      // Not a floor: a time limit. Whoever sits on it ran out of time.
      for (const x of scored) if (x.value >= recorded) failed[x.name] = `did not finish within the ${formatValue(recorded, 'ms')} time limit`;
      remarks.push(`Time limit ${formatValue(recorded, 'ms')}: a contender still running then failed.`);
    } else {
      remarks.push(`The suite recorded ${formatValue(recorded, c.unit)} as a limit, but ${beaten.map((x) => x.name).join(' and ')} ${beaten.length === 1 ? 'beats' : 'beat'} it: it is not a floor, so it is not drawn.`);
    }
  }
  const contenders = all.map((x): Contender => {
    const why = failed[x.name];
    if (why !== undefined) return { ...x, failed: why };
    const ratio = x.ours || failed[OURS] !== undefined ? undefined : c.ratios?.[x.name];
    return ratio === undefined ? x : { ...x, ratio };
  });
  return floor === undefined ? { contenders, remarks } : { contenders, floor, remarks };
}

/** One case as an SVG bar chart plus a table. */
function renderCase(c: BenchCaseResult, id: string): string {
  const { contenders, floor, remarks } = viewOfCase(c);
  const scored = contenders.filter((x) => x.failed === undefined);
  const highest = Math.max(0, ...scored.map((b) => b.value));
  // A floor far beyond every bar would squash the bars: it is then named at the right edge instead of drawn to scale.
  const floorOnScale = floor !== undefined && floor <= highest * 1.6;
  const max = Math.max(highest, floorOnScale ? floor : 0) || 1;
  const width = 640;
  // Room for the longest name at the chart's 12px sans-serif (≈ 7 px a character).
  const gutter = Math.max(150, Math.ceil(16 + 7 * Math.max(...contenders.map((b) => b.name.length))));
  const right = 110;
  const barH = 22;
  const gap = 10;
  const top = 8;
  const plot = width - gutter - right;
  const height = top + contenders.length * (barH + gap) + 24;
  const x = (v: number) => gutter + (Math.max(0, v) / max) * plot;
  const better = c.higherIsBetter ? 'higher is better' : 'lower is better';
  const shown = (b: Contender): string => (b.failed !== undefined ? `failed: ${b.failed}` : formatValue(b.value, c.unit));
  const ratioText = contenders
    .filter((b) => b.ratio !== undefined)
    .map((b) => `ours ÷ ${b.name} = ${b.ratio!.toFixed(2)}`)
    .join('; ');
  const desc = `${c.name} in ${c.unit} (${better}). ${contenders.map((b) => `${b.name}: ${shown(b)}`).join(', ')}.${
    floor !== undefined ? ` Floor on this machine: ${formatValue(floor, c.unit)}.` : ''
  }${ratioText ? ` Ratios: ${ratioText}.` : ''}`;
  const parts = [
    `<svg class="bench-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d">`,
    `<title id="${id}-t">${escapeHtml(c.name)}</title>`,
    `<desc id="${id}-d">${escapeHtml(desc)}</desc>`,
  ];
  contenders.forEach((b, i) => {
    const y = top + i * (barH + gap);
    parts.push(`<text x="${gutter - 8}" y="${y + barH / 2 + 4}" text-anchor="end">${escapeHtml(b.name)}</text>`);
    if (b.failed !== undefined) {
      parts.push(`<text class="failed" x="${gutter}" y="${y + barH / 2 + 4}">failed: ${escapeHtml(b.failed)}</text>`);
      return;
    }
    parts.push(
      `<rect class="${b.ours ? 'bar-ours' : 'bar-peer'}" x="${gutter}" y="${y}" width="${Math.max(1, x(b.value) - gutter).toFixed(1)}" height="${barH}" rx="3"/>`,
      `<text x="${(x(b.value) + 6).toFixed(1)}" y="${y + barH / 2 + 4}">${escapeHtml(formatValue(b.value, c.unit))}</text>`,
    );
  });
  if (floor !== undefined && floorOnScale) {
    const lx = x(floor).toFixed(1);
    parts.push(
      `<line class="floor" x1="${lx}" y1="${top - 4}" x2="${lx}" y2="${height - 18}"/>`,
      `<text x="${lx}" y="${height - 4}" text-anchor="middle">floor ${escapeHtml(formatValue(floor, c.unit))}</text>`,
    );
  } else if (floor !== undefined) {
    parts.push(`<text x="${width - 4}" y="${height - 4}" text-anchor="end">floor ${escapeHtml(formatValue(floor, c.unit))} (off this scale) →</text>`);
  }
  parts.push('</svg>');
  const rows = contenders
    .map((b) => {
      const ratio = b.ratio !== undefined ? b.ratio.toFixed(2) : '—';
      const figure = b.failed !== undefined ? `<td class="failed">failed: ${escapeHtml(b.failed)}</td>` : `<td>${escapeHtml(formatValue(b.value, c.unit))}</td>`;
      return `<tr><th scope="row">${escapeHtml(b.name)}</th>${figure}<td>${ratio}</td></tr>`;
    })
    .join('');
  const caption = `<strong>${escapeHtml(c.name)}</strong> — ${escapeHtml(c.unit)}, ${better}${floor !== undefined ? `; floor ${escapeHtml(formatValue(floor, c.unit))}` : ''}; a ratio ${c.higherIsBetter ? 'above' : 'below'} 1 means ours does better`;
  return `<figure class="bench-case" id="${id}">
<figcaption>${caption}</figcaption>
<div class="chart scroll-x" tabindex="0" role="group" aria-label="${escapeHtml(c.name)}: chart (scrolls sideways)" style="--min-w: ${Math.ceil((width * 11.5) / 12)}px">${parts.join('')}</div>
<div class="table-wrap" tabindex="0" role="group" aria-label="${escapeHtml(c.name)}: table (scrolls sideways)"><table><caption class="sr-only">${escapeHtml(c.name)}: the figures</caption><thead><tr><th scope="col">Contender</th><th scope="col">${escapeHtml(c.unit)}</th><th scope="col">Ratio ours ÷ contender</th></tr></thead><tbody>${rows}</tbody></table></div>
${remarks.map((r) => `<p class="note">${escapeHtml(r)}</p>`).join('\n')}${c.note ? `<p class="note">${escapeHtml(c.note)}</p>` : ''}
</figure>
`;
}

/** The benchmarks page body, and its headings (for the contents and the search index). */
export function renderBenchPage(results: readonly BenchSuiteResult[], usedIds: Set<string>): { body: string; headings: Heading[] } {
  const top = uniqueId('benchmarks', usedIds);
  const headings: Heading[] = [{ id: top, text: 'Benchmarks', level: 1 }];
  let body = `<h1 id="${top}">Benchmarks</h1>
<p class="lead">The toolkit measured against what you would otherwise install, side by side in one run: each contender in a fresh process, warm-up first, interleaved repetitions, medians. A <em>contender</em> is ours (the Interleave toolkit) or a <em>peer</em> — another library, or a reference such as bare promises. The ratio is ours ÷ contender. The <em>floor</em>, where a case has one, is what no implementation can beat on this machine (2 cores: at most a 2.0× speed-up). A contender that <em>failed</em> is shown as failed, with why — never as a figure.</p>
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
