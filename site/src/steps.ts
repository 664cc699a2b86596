/**
 * The step-through view of a recorded event-loop run: a README line
 * `[[steps traces/NAME.json]]` becomes a figure with one step per callback the loop ran —
 * the callback that ran, then the ready queue, the timer heap and the output so far.
 *
 * Without JavaScript the figure is a plain table of every step. With it, `assets/app.js`
 * adds a player above the table (Previous / Next buttons, ← and → while it has focus)
 * that shows one step at a time, from the same data (the figure's `data-steps`).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './escape.ts';
import { uniqueId } from './markdown.ts';

/** A timer waiting in the loop's heap. */
export interface LoopTimer {
  /** When it is due, in the loop's time (ms). */
  when: number;
  label: string;
}

/** One callback the loop ran, and the loop's state right after it (as the toolkit's `LoopRecorder` records it). */
export interface LoopStep {
  /** The loop iteration (`_run_once` call) this callback ran in. */
  iteration: number;
  /** The loop's clock (ms). */
  time: number;
  /** The callback (or task step) of this step. */
  running: string;
  /** The ready queue after it ran, first to run first. */
  ready: string[];
  /** The timer heap after it ran. */
  timers: LoopTimer[];
  /** Everything printed so far, this step included. */
  output: string[];
  /** A sentence on what this step shows. */
  note?: string;
}

/** A recorded run, as `lessons/NN-slug/traces/NAME.json` holds it. */
export interface LoopSteps {
  kind: 'event-loop-steps';
  title: string;
  steps: LoopStep[];
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks that `data` is a recorded run, or throws an error that names the field.
 *
 * @example
 * ```ts
 * import { checkSteps } from './steps.ts';
 * checkSteps({ kind: 'event-loop-steps', title: 'One', steps: [] }, 'one.json'); // throws: steps is empty
 * ```
 */
export function checkSteps(data: unknown, where: string): LoopSteps {
  const fail = (what: string): never => {
    throw new TypeError(`${where}: ${what}`);
  };
  if (typeof data !== 'object' || data === null) return fail('expected an object { kind: "event-loop-steps", title, steps }');
  const d = data as Record<string, unknown>;
  if (d['kind'] !== 'event-loop-steps') fail(`kind must be "event-loop-steps", got ${JSON.stringify(d['kind'])}`);
  if (typeof d['title'] !== 'string' || d['title'].trim() === '') fail('title must be a non-empty string');
  if (!Array.isArray(d['steps']) || d['steps'].length === 0) fail('steps must be a non-empty array');
  (d['steps'] as unknown[]).forEach((raw, i) => {
    const at = `steps[${i}]`;
    if (typeof raw !== 'object' || raw === null) return fail(`${at} must be an object`);
    const s = raw as Record<string, unknown>;
    if (!Number.isInteger(s['iteration']) || (s['iteration'] as number) < 0) fail(`${at}.iteration must be an integer ≥ 0, got ${JSON.stringify(s['iteration'])}`);
    if (!isNumber(s['time'])) fail(`${at}.time must be a number (ms), got ${JSON.stringify(s['time'])}`);
    if (typeof s['running'] !== 'string') fail(`${at}.running must be a string, got ${JSON.stringify(s['running'])}`);
    if (!isStringArray(s['ready'])) fail(`${at}.ready must be an array of strings`);
    if (!isStringArray(s['output'])) fail(`${at}.output must be an array of strings (everything printed so far)`);
    if (s['note'] !== undefined && typeof s['note'] !== 'string') fail(`${at}.note must be a string when present`);
    if (!Array.isArray(s['timers'])) fail(`${at}.timers must be an array of { when, label }`);
    (s['timers'] as unknown[]).forEach((t, j) => {
      const tt = t as Record<string, unknown> | null;
      if (typeof tt !== 'object' || tt === null || !isNumber(tt['when']) || typeof tt['label'] !== 'string') fail(`${at}.timers[${j}] must be { when: number, label: string }`);
    });
  });
  return data as LoopSteps;
}

/** The lines a step printed: what its output adds to the step before. */
export function printedAt(steps: readonly LoopStep[], i: number): string[] {
  const now = steps[i]!.output;
  const before = i === 0 ? [] : steps[i - 1]!.output;
  const grew = before.length <= now.length && before.every((line, k) => now[k] === line);
  return grew ? now.slice(before.length) : now;
}

const list = (items: readonly string[], empty: string): string =>
  items.length === 0 ? `<span class="steps-empty">${escapeHtml(empty)}</span>` : `<ol class="steps-list">${items.map((x) => `<li><code>${escapeHtml(x)}</code></li>`).join('')}</ol>`;

/** The timers as the heap would pop them: by time, then in the order recorded. */
export function timersInOrder(timers: readonly LoopTimer[]): LoopTimer[] {
  return timers.map((t, k) => ({ t, k })).sort((a, b) => a.t.when - b.t.when || a.k - b.k).map(({ t }) => t);
}

const ms = (n: number): string => `${Number(n.toFixed(3))} ms`;

/**
 * The figure: a caption, and a table with one row per step (the view without JavaScript,
 * and the data the player reads).
 */
export function renderSteps(run: LoopSteps, id: string): string {
  const rows = run.steps
    .map((s, i) => {
      const printed = printedAt(run.steps, i);
      return `<tr><th scope="row">${i + 1}</th><td>${s.iteration}</td><td>${escapeHtml(ms(s.time))}</td><td><code>${escapeHtml(s.running)}</code>${s.note ? `<p class="steps-note">${escapeHtml(s.note)}</p>` : ''}</td><td>${list(s.ready, 'empty')}</td><td>${list(
        timersInOrder(s.timers).map((t) => `${ms(t.when)}: ${t.label}`),
        'none',
      )}</td><td>${printed.length === 0 ? '' : `<pre class="steps-out" tabindex="0">${escapeHtml(printed.join('\n'))}</pre>`}</td></tr>`;
    })
    .join('\n');
  const data = escapeHtml(JSON.stringify(run.steps));
  return `<figure class="steps" id="${id}" data-steps="${data}" aria-labelledby="${id}-title">
<figcaption id="${id}-title"><strong>${escapeHtml(run.title)}</strong> — a recorded run, one step per callback the loop ran (${run.steps.length} steps).</figcaption>
<div class="steps-table table-wrap" tabindex="0" role="group" aria-label="${escapeHtml(run.title)}: every step (scrolls sideways)"><table>
<caption class="sr-only">${escapeHtml(run.title)}: every step of the run</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Iteration</th><th scope="col">Time</th><th scope="col">Ran</th><th scope="col">Ready queue after</th><th scope="col">Timer heap after</th><th scope="col">Printed</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</figure>
`;
}

/** A `[[steps …]]` line of a lesson: reads the file beside the lesson and draws it, or says why not. */
export function renderStepsFile(lessonDir: string, relative: string, usedIds: Set<string>, warnings: string[]): string {
  const file = path.resolve(lessonDir, relative);
  const where = `lessons/${path.basename(lessonDir)}/README.md: steps "${relative}"`;
  if (!file.startsWith(lessonDir + path.sep)) {
    warnings.push(`${where} points outside the lesson folder`);
    return `<p class="build-error">Steps “${escapeHtml(relative)}” point outside the lesson folder.</p>\n`;
  }
  try {
    const run = checkSteps(JSON.parse(readFileSync(file, 'utf8')), relative);
    return renderSteps(run, uniqueId(`steps-${path.basename(file, '.json').replace(/[^\w-]/g, '-')}`, usedIds));
  } catch (error) {
    warnings.push(`${where}: ${(error as Error).message}`);
    return `<p class="build-error">Steps “${escapeHtml(relative)}” could not be shown: ${escapeHtml((error as Error).message)}</p>\n`;
  }
}
