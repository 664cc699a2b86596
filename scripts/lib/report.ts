// How results read in the terminal. Three kinds of failure, each worded differently:
// does not compile, a test failed, did not finish.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Outcome } from './test-client.ts';
import type { TestErrorInfo } from './test-protocol.ts';
import type { CompileError } from './typecheck.ts';
import { codeFrame } from './typecheck.ts';
import type { Exercise, Lesson } from './lessons.ts';

const useColor = !process.env.NO_COLOR && (process.env.FORCE_COLOR === '1' || process.stdout.isTTY === true);
const paint = (code: number, reset: number) => (text: string) => (useColor ? `\x1b[${code}m${text}\x1b[${reset}m` : text);
export const c = {
  bold: paint(1, 22),
  dim: paint(2, 22),
  red: paint(31, 39),
  green: paint(32, 39),
  yellow: paint(33, 39),
  blue: paint(34, 39),
  cyan: paint(36, 39),
};

/** What one exercise came to, as the runner tells it. */
export type Verdict =
  | { kind: 'pass'; outcome: Outcome }
  | { kind: 'compile'; errors: CompileError[]; outcome?: Outcome | undefined }
  | { kind: 'fail'; outcome: Outcome }
  | { kind: 'timeout'; outcome: Outcome };

export function verdictOf(outcome: Outcome | undefined, compileErrors: CompileError[]): Verdict {
  if (compileErrors.length > 0) return { kind: 'compile', errors: compileErrors, outcome };
  if (!outcome) throw new Error('no outcome and no compile error');
  if (outcome.kind === 'compile') {
    return { kind: 'compile', errors: outcome.errors.map(toCompileError), outcome };
  }
  if (outcome.kind === 'pass') return { kind: 'pass', outcome };
  if (outcome.kind === 'timeout') return { kind: 'timeout', outcome };
  return { kind: 'fail', outcome };
}

function toCompileError(error: TestErrorInfo): CompileError {
  const loc = error.locations[0];
  return {
    file: loc?.file ?? '',
    line: loc?.line ?? 0,
    column: loc?.column ?? 0,
    message: error.message,
    frame: error.frame ?? (loc ? frameAt(loc.file, loc.line, loc.column) : ''),
  };
}

export function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${c.green('█'.repeat(filled))}${c.dim('░'.repeat(width - filled))} ${done}/${total}`;
}

export function label(verdict: Verdict['kind']): string {
  switch (verdict) {
    case 'pass':
      return c.green('✓ passing');
    case 'compile':
      return c.red('✖ does not compile');
    case 'fail':
      return c.red('✗ a test failed');
    case 'timeout':
      return c.yellow('⏱ did not finish');
  }
}

const rel = (file: string): string => path.relative(process.cwd(), file) || file;

function frameAt(file: string, line: number, column: number): string {
  if (!existsSync(file)) return '';
  return codeFrame(readFileSync(file, 'utf8'), line, column);
}

/** The learner's files come first when we pick which stack frame to show. */
function bestLocation(error: TestErrorInfo, lesson: Lesson): { file: string; line: number; column: number } | undefined {
  const mine = error.locations.filter((l) => l.file.startsWith(lesson.dir) && !l.file.includes('node_modules'));
  return mine.find((l) => !l.file.includes(`${path.sep}tests${path.sep}`)) ?? mine[0];
}

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

/** The full explanation of a verdict, for watch mode and `--once`. */
export function explain(verdict: Verdict, lesson: Lesson, exercise: Exercise): string {
  const out: string[] = [];
  if (verdict.kind === 'pass') {
    const tests = verdict.outcome.kind === 'pass' ? verdict.outcome.result.tests.length : 0;
    out.push(`${c.green('✓')} all ${tests} tests of ${c.bold(exercise.name)} pass.`);
    return out.join('\n');
  }
  if (verdict.kind === 'compile') {
    out.push(`${c.red('✖ does not compile')} — fix this first; the tests cannot judge code that does not build.`);
    for (const e of verdict.errors.slice(0, 5)) {
      out.push('', `  ${c.bold(`${rel(e.file)}:${e.line}:${e.column}`)}  ${e.message}`);
      if (e.frame) out.push(indent(e.frame));
    }
    if (verdict.errors.length > 5) out.push(c.dim(`  … and ${verdict.errors.length - 5} more`));
    return out.join('\n');
  }
  if (verdict.kind === 'timeout') {
    const o = verdict.outcome;
    const limit = o.kind === 'timeout' ? o.limitMs : exercise.timeoutMs;
    const waitedFor =
      o.kind === 'timeout' && !o.killed
        ? `A test waited for something that never happened (vitest's own limit ran out).`
        : `The tests were still running after ${(limit / 1000).toFixed(limit % 1000 ? 1 : 0)} s, so the runner stopped them (and every thread and process they started).`;
    out.push(`${c.yellow('⏱ did not finish')} — ${c.bold(exercise.name)}. ${waitedFor}`);
    out.push('', 'That usually means one of:');
    out.push(`  • an infinite loop — a ${c.cyan('while')} or ${c.cyan('for')} whose condition never becomes false, so the thread never gets back to the event loop;`);
    out.push('  • a deadlock — a lock that is never released, a promise that is never resolved,');
    out.push('    or a worker that never answers, so everyone waits for everyone else.');
    out.push(`Look at the loops and the waits in ${c.bold(rel(exercise.exerciseFile))}.`);
    if (o.kind === 'timeout' && o.result) out.push('', failures(o.result.tests, lesson));
    return out.join('\n');
  }
  const o = verdict.outcome;
  if (o.kind !== 'fail') return '';
  const failed = o.result.tests.filter((t) => t.state === 'failed');
  const passed = o.result.tests.filter((t) => t.state === 'passed').length;
  out.push(`${c.red('✗ a test failed')} — ${failed.length} failing, ${passed} passing.`);
  for (const e of o.result.moduleErrors) out.push('', describeError(e, lesson));
  out.push('', failures(o.result.tests, lesson));
  return out.join('\n');
}

function failures(tests: Array<{ name: string; state: string; errors: TestErrorInfo[] }>, lesson: Lesson): string {
  // The first failure in full (message, diff, code frame); the rest one line each, so the
  // header and the keys stay on a normal terminal screen.
  const out: string[] = [];
  const failed = tests.filter((t) => t.state === 'failed');
  const [first, ...rest] = failed;
  if (!first) return '';
  out.push(`  ${c.red('✗')} ${c.bold(first.name)}`);
  const e = first.errors[0];
  if (e) out.push(indent(describeError(e, lesson)));
  if (rest.length > 0) out.push('', c.dim('  also failing:'));
  for (const t of rest.slice(0, 8)) {
    const message = t.errors[0]?.message.split('\n')[0] ?? '';
    out.push(`  ${c.red('✗')} ${t.name}${message ? c.dim(` — ${message.length > 70 ? `${message.slice(0, 67)}…` : message}`) : ''}`);
  }
  if (rest.length > 8) out.push(c.dim(`  … and ${rest.length - 8} more`));
  return out.join('\n').trimEnd();
}

function describeError(e: TestErrorInfo, lesson: Lesson): string {
  const out: string[] = [];
  const message = e.message.split('\n')[0] ?? '';
  if (/Not implemented/.test(message)) {
    out.push(`${c.yellow(message)} — this is the stub; replace the ${c.cyan('throw')} with your code.`);
  } else {
    out.push(`${e.name && e.name !== 'AssertionError' && e.name !== 'Error' ? `${e.name}: ` : ''}${message}`);
  }
  if (e.diff) {
    out.push(
      e.diff
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(0, 16)
        .map((l) => (l.startsWith('-') ? c.green(l) : l.startsWith('+') ? c.red(l) : l))
        .join('\n'),
    );
  }
  const loc = bestLocation(e, lesson);
  if (loc) {
    out.push(c.dim(`at ${rel(loc.file)}:${loc.line}:${loc.column}`));
    const frame = frameAt(loc.file, loc.line, loc.column);
    if (frame) out.push(frame);
  }
  return out.join('\n');
}
