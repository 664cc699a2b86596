// The one reporter: how a verdict (verdict.ts) reads — in watch mode, after --once, and as
// one line in check-lessons. Three kinds of failure, each worded differently: does not
// compile, a test failed, did not finish.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestErrorInfo } from './test-protocol.ts';
import { codeFrame } from './typecheck.ts';
import type { Exercise, Lesson } from './lessons.ts';
import type { ConsoleLog } from './output.ts';
import { NOT_IMPLEMENTED, type Verdict, type VerdictKind } from './verdict.ts';

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

export function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${c.green('█'.repeat(filled))}${c.dim('░'.repeat(width - filled))} ${done}/${total}`;
}

export function label(verdict: Verdict | VerdictKind): string {
  if (typeof verdict !== 'string' && verdict.kind === 'fail' && verdict.reasons.includes('out-of-memory')) return c.red('✗ ran out of memory');
  switch (typeof verdict === 'string' ? verdict : verdict.kind) {
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
  try {
    if (!existsSync(file) || !statSync(file).isFile()) return '';
    return codeFrame(readFileSync(file, 'utf8'), line, column);
  } catch {
    return '';
  }
}

/**
 * Which stack frame to show: the learner's file first (the exercise, or the file standing
 * in for it), then the exercise's test, then another file of the lesson — never a test
 * support file when the learner's own code is on the stack.
 */
function bestLocation(error: TestErrorInfo, lesson: Lesson, exercise: Exercise): { file: string; line: number; column: number } | undefined {
  const mine = error.locations.filter((l) => l.file.startsWith(lesson.dir) && !l.file.includes('node_modules'));
  const under = (folder: string) => (l: { file: string }) => l.file.startsWith(path.join(lesson.dir, folder) + path.sep);
  return (
    mine.find((l) => l.file === exercise.exerciseFile || l.file === exercise.solutionFile) ??
    mine.find(under('exercises')) ??
    mine.find(under('solutions')) ??
    mine.find(under('wrong')) ??
    mine.find((l) => l.file === exercise.testFile) ??
    mine.find((l) => !l.file.includes(`${path.sep}support${path.sep}`)) ??
    mine[0]
  );
}

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s`;

/** The full explanation of a verdict, for watch mode and `--once`. */
export function explain(verdict: Verdict, lesson: Lesson, exercise: Exercise): string {
  const out: string[] = [];
  switch (verdict.kind) {
    case 'pass':
      return `${c.green('✓')} all ${verdict.tests} tests of ${c.bold(exercise.name)} pass.`;
    case 'compile': {
      out.push(`${c.red('✖ does not compile')} — fix this first; the tests cannot judge code that does not build.`);
      for (const e of verdict.errors.slice(0, 5)) {
        out.push('', `  ${c.bold(`${rel(e.file)}:${e.line}:${e.column}`)}  ${e.message}`);
        const frame = e.frame || (e.file ? frameAt(e.file, e.line, e.column) : '');
        if (frame) out.push(indent(frame));
      }
      if (verdict.errors.length > 5) out.push(c.dim(`  … and ${verdict.errors.length - 5} more`));
      return out.join('\n');
    }
    case 'timeout': {
      const waitedFor =
        verdict.how === 'waited'
          ? `A test waited for something that never happened (vitest's own limit ran out).`
          : `The tests were still running after ${seconds(verdict.limitMs)}, so the runner stopped them (and every thread and process they started).`;
      out.push(`${c.yellow('⏱ did not finish')} — ${c.bold(exercise.name)}. ${waitedFor}`);
      out.push('', 'That usually means one of:');
      out.push(`  • an infinite loop — a ${c.cyan('while')} or ${c.cyan('for')} whose condition never becomes false, so the thread never gets back to the event loop;`);
      out.push('  • a deadlock — a lock that is never released, a promise that is never resolved, or a worker that never answers, so everyone waits for everyone else.');
      out.push(`Look at the loops and the waits in ${c.bold(rel(exercise.exerciseFile))}.`);
      if (verdict.result) out.push('', failures(verdict.result.tests, lesson, exercise));
      return out.join('\n');
    }
    case 'fail': {
      if (verdict.reasons.includes('out-of-memory')) {
        const limit = verdict.heapLimitMb ? ` (the limit is ${verdict.heapLimitMb} MB per test process)` : '';
        out.push(`${c.red('✗ ran out of memory')} — ${c.bold(exercise.name)}. The JavaScript heap filled up${limit} and the test process was stopped.`);
        out.push('That usually means something grows without end: an array or a map that is only ever added to, or a loop that keeps creating work (promises, tasks, buffers) faster than it finishes it.');
        out.push(`Look at what ${c.bold(rel(exercise.exerciseFile))} keeps adding to.`);
        if (verdict.result) out.push('', failures(verdict.result.tests, lesson, exercise));
        return out.join('\n').trimEnd();
      }
      const tests = verdict.result?.tests ?? [];
      const failed = tests.filter((t) => t.state === 'failed');
      const passed = tests.filter((t) => t.state === 'passed').length;
      out.push(`${c.red('✗ a test failed')} — ${failed.length} failing, ${passed} passing.`);
      for (const e of [...(verdict.result?.moduleErrors ?? []), ...verdict.extra]) out.push('', describeError(e, lesson, exercise));
      if (failed.length > 0) out.push('', failures(tests, lesson, exercise));
      else if (tests.length === 0 && (verdict.result?.moduleErrors.length ?? 0) === 0) out.push('', 'The test file ran no test at all.');
      return out.join('\n').trimEnd();
    }
  }
}

/** One line, for check-lessons and other places that list many verdicts. */
export function summarize(verdict: Verdict | undefined): string {
  if (!verdict) return 'no result';
  switch (verdict.kind) {
    case 'pass':
      return 'all tests passed';
    case 'timeout':
      return verdict.how === 'watchdog' ? `did not finish within ${verdict.limitMs} ms` : 'a test timed out waiting';
    case 'compile':
      return `does not compile: ${verdict.errors[0]?.message.split('\n')[0] ?? ''}`;
    case 'fail': {
      if (verdict.reasons.includes('out-of-memory')) return `ran out of memory${verdict.heapLimitMb ? ` (heap limit ${verdict.heapLimitMb} MB)` : ''}`;
      const first = verdict.result?.tests.find((t) => t.state === 'failed');
      const msg = first?.errors[0]?.message.split('\n')[0] ?? verdict.result?.moduleErrors[0]?.message.split('\n')[0] ?? verdict.extra[0]?.message.split('\n')[0] ?? '';
      return `failed (${[...new Set(verdict.reasons)].join(', ')})${first ? `: "${first.name}": ${msg}` : msg ? `: ${msg}` : ''}`;
    }
  }
}

/** The learner's console output under a verdict, capped (output.ts). */
export function consoleSection(log: ConsoleLog): string {
  if (log.empty) return '';
  const { lines, more, file } = log.finish();
  const out = [c.dim('── your console output ──'), ...lines];
  if (more > 0) out.push(c.yellow(`… ${more} more line${more === 1 ? '' : 's'}, see ${file ? rel(file) : 'the terminal of a --once run'}`));
  out.push(c.dim('─────────────────────────'));
  return out.join('\n');
}

function failures(tests: Array<{ name: string; state: string; errors: TestErrorInfo[] }>, lesson: Lesson, exercise: Exercise): string {
  // The first failure in full (message, diff, code frame); the rest one line each, so the
  // header and the keys stay on a normal terminal screen.
  const out: string[] = [];
  const failed = tests.filter((t) => t.state === 'failed');
  const [first, ...rest] = failed;
  if (!first) return '';
  out.push(`  ${c.red('✗')} ${c.bold(first.name)}`);
  const e = first.errors[0];
  if (e) out.push(indent(describeError(e, lesson, exercise)));
  if (rest.length > 0) out.push('', c.dim('  also failing:'));
  for (const t of rest.slice(0, 8)) {
    const message = t.errors[0]?.message.split('\n')[0] ?? '';
    out.push(`  ${c.red('✗')} ${t.name}${message ? c.dim(` — ${message}`) : ''}`);
  }
  if (rest.length > 8) out.push(c.dim(`  … and ${rest.length - 8} more`));
  return out.join('\n').trimEnd();
}

function describeError(e: TestErrorInfo, lesson: Lesson, exercise: Exercise): string {
  const out: string[] = [];
  // The whole message (a few lines at most): its key detail is often at the end.
  const lines = e.message.trimEnd().split('\n');
  const message = lines.slice(0, 6).join('\n') + (lines.length > 6 ? c.dim(`\n… ${lines.length - 6} more lines`) : '');
  if (NOT_IMPLEMENTED.test(message)) {
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
  const loc = bestLocation(e, lesson, exercise);
  if (loc) {
    out.push(c.dim(`at ${rel(loc.file)}:${loc.line}:${loc.column}`));
    const frame = frameAt(loc.file, loc.line, loc.column);
    if (frame) out.push(frame);
  }
  return out.join('\n');
}
