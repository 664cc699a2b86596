/**
 * The Trace format: spans on lanes, each running or waiting, and the check that reads one
 * from JSON. The `Tracer` records a trace; `renderAscii` and `renderSvg` draw it.
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

