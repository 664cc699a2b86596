// The terminal screen, designed for 80×24 as the smallest case: lines wrap at word
// boundaries, and a screen that would not fit keeps its header (lesson, exercise, file to
// edit) and its footer (the keys) and shortens the middle, saying what it left out.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const CODE_FRAME = /^\s*>?\s*\d*\s+\| /;

/** How many columns a string takes (ANSI colour codes take none). */
export function width(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Wraps one line at word boundaries to `columns`. A continuation keeps the line's
 * indentation; a word longer than the line is cut (a path, a URL) as a last resort.
 */
export function wrapLine(line: string, columns: number): string[] {
  if (columns < 10 || width(line) <= columns) return [line];
  // A line of a code frame ("  > 23 | code", "     |   ^") is cut, not wrapped: the
  // caret line must stay under its column.
  if (CODE_FRAME.test(line.replace(ANSI, ''))) return [`${sliceColumns(line, columns - 1)}…`];
  const indent = /^\s*(?:(?:[•✗✓›>-]|\d+\.)\s+)?/.exec(line.replace(ANSI, ''))?.[0].replace(/\S/g, ' ') ?? '';
  const lead = indent.length < columns / 2 ? indent : '';
  const words = line.split(/(?<= )/);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (width(current) + width(word.trimEnd()) <= columns) {
      current += word;
      continue;
    }
    if (current.trim() !== '') out.push(current.trimEnd());
    current = (out.length > 0 ? lead : '') + word;
    while (width(current) > columns) {
      out.push(sliceColumns(current, columns));
      current = lead + sliceColumns(current, Infinity, columns);
    }
  }
  if (current.trim() !== '' || out.length === 0) out.push(current.trimEnd());
  return out;
}

/** Columns [from, to) of a string, keeping ANSI codes with the text they colour. */
function sliceColumns(text: string, to: number, from = 0): string {
  let out = '';
  let col = 0;
  for (const part of text.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b[')) {
      out += part;
      continue;
    }
    for (const ch of part) {
      if (col >= from && col < to) out += ch;
      col++;
    }
  }
  return out;
}

export function wrap(text: string, columns: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(line, columns));
}

export interface Screen {
  header: string[];
  /** Sections of the body in order; each is shortened from its end when space runs out. */
  /**
   * Sections of the body in screen order. When they do not all fit, each first gets up to
   * `keep` lines, in order of `priority` (lower first), and what is left goes to them in
   * screen order.
   */
  body: Array<{ text: string; keep?: number; priority?: number }>;
  footer: string[];
}

/**
 * Lays a screen out in `rows` × `columns`: header and footer always, then the body
 * sections, each cut to fit with a line that says how much was left out.
 */
export function layout(screen: Screen, rows: number, columns: number, more = 'lines not shown'): string[] {
  const header = screen.header.flatMap((l) => wrap(l, columns));
  const footer = screen.footer.flatMap((l) => wrap(l, columns));
  const sections = screen.body.filter((s) => s.text !== '').map((s) => ({ lines: wrap(s.text, columns), keep: s.keep ?? 0, priority: s.priority ?? 9 }));
  let room = rows - header.length - footer.length - 1; // one row for the cursor
  const gaps = Math.max(0, sections.length - 1);
  room -= gaps;
  const total = sections.reduce((n, s) => n + s.lines.length, 0);
  if (total <= room) return [...header, ...sections.flatMap((s, i) => (i > 0 ? ['', ...s.lines] : s.lines)), ...footer];
  // Not everything fits: each section first gets its `keep` (or what it has), by priority,
  // then what is left goes to the sections in screen order.
  const given = sections.map(() => 0);
  let left = Math.max(0, room);
  for (const i of sections.map((_, i) => i).sort((a, b) => sections[a]!.priority - sections[b]!.priority)) {
    given[i] = Math.min(sections[i]!.lines.length, sections[i]!.keep, left);
    left -= given[i]!;
  }
  for (let i = 0; i < sections.length && left > 0; i++) {
    const extra = Math.min(left, sections[i]!.lines.length - given[i]!);
    given[i]! += extra;
    left -= extra;
  }
  const body: string[] = [];
  sections.forEach((s, i) => {
    if (given[i] === 0) return;
    if (body.length > 0) body.push('');
    let n = given[i]!;
    if (n < s.lines.length) {
      n = Math.max(0, n - 1);
      body.push(...s.lines.slice(0, n), `… ${s.lines.length - n} ${more}`);
    } else body.push(...s.lines);
  });
  return [...header, ...body, ...footer];
}
