// The verdict: the one place that turns a run into what the learner is told —
// *does not compile*, *a test failed*, *did not finish* or *passed* — with its reasons.
// Watch mode, `--once`, `--json` and check-lessons all call judge(); report.ts words the
// result. Nothing else decides whether an exercise passed.
import type { FileResult, TestErrorInfo } from './test-protocol.ts';
import type { CompileError } from './typecheck.ts';

/** A stub says so by throwing this; the reporter and check-lessons both rely on it. */
export const NOT_IMPLEMENTED = /Not implemented/;
const SYNTAX = /SyntaxError|Transform failed|Parse error|Unexpected token|Expected .* but found|PARSE_ERROR|Failed to parse/i;
const TIMED_OUT = /(Test|Hook) timed out in \d+ms/;
/** V8's and Node's words for a heap that ran out, in a worker fork or a worker thread. */
const OUT_OF_MEMORY = /heap out of memory|ERR_WORKER_OUT_OF_MEMORY|Reached heap limit|Allocation failed - JavaScript heap/i;

/** Why a test failed, from the first error of the test. */
type FailureReason = 'assertion' | 'not-implemented' | 'timeout' | 'error' | 'out-of-memory';

/**
 * What the test process told us about one test file — raw facts, no judgement yet.
 * `finished`: vitest reported the file. `stopped`: the run never got there — the
 * watchdog killed it, or the test process died (`died` carries its last words).
 */
export type RunRecord =
  | { kind: 'finished'; file: string; result: FileResult }
  | { kind: 'stopped'; file: string; limitMs: number; by: 'watchdog' | 'died'; died?: string | undefined; heapLimitMb?: number | undefined };

/** What one exercise came to. */
export type Verdict =
  | { kind: 'pass'; tests: number; result: FileResult }
  | { kind: 'compile'; errors: CompileError[] }
  | { kind: 'fail'; reasons: FailureReason[]; result: FileResult | undefined; extra: TestErrorInfo[]; heapLimitMb?: number | undefined }
  /** `waited`: vitest's per-test limit ran out on a promise; `watchdog`: the runner had to kill. */
  | { kind: 'timeout'; how: 'waited' | 'watchdog'; limitMs: number; result?: FileResult | undefined };

export type VerdictKind = Verdict['kind'];

export interface JudgeInput {
  /** What the test run reported for the exercise's test file; undefined if nothing came back. */
  record: RunRecord | undefined;
  /** Type and syntax errors the compiler found in the learner's file. */
  compileErrors: CompileError[];
  /** The exercise's wall-clock limit (used when nothing came back at all). */
  limitMs: number;
  /** Errors vitest could not pin on a test (a throw in a stray timer), when they belong to this exercise. */
  unhandled?: TestErrorInfo[];
}

/** Sorts one test error into the reason the learner will read. */
function reasonOf(error: TestErrorInfo): FailureReason {
  if (TIMED_OUT.test(error.message)) return 'timeout';
  if (OUT_OF_MEMORY.test(`${error.name} ${error.message}`)) return 'out-of-memory';
  if (NOT_IMPLEMENTED.test(error.message)) return 'not-implemented';
  if (error.name === 'AssertionError' || error.diff !== undefined || /^expected /i.test(error.message)) return 'assertion';
  return 'error';
}

/** The verdict on one exercise. */
export function judge({ record, compileErrors, limitMs, unhandled = [] }: JudgeInput): Verdict {
  if (compileErrors.length > 0) return { kind: 'compile', errors: compileErrors };
  if (!record) return { kind: 'timeout', how: 'watchdog', limitMs };
  if (record.kind === 'stopped') {
    if (record.died && OUT_OF_MEMORY.test(record.died)) {
      return { kind: 'fail', reasons: ['out-of-memory'], result: undefined, extra: [], heapLimitMb: record.heapLimitMb };
    }
    if (record.by === 'died') {
      // The test process crashed: a failure with its last words, not "did not finish".
      const words = (record.died ?? '').trim().split('\n').slice(-6).join('\n');
      return { kind: 'fail', reasons: ['error'], result: undefined, extra: [{ name: 'Error', message: `the test process stopped: ${words}`, locations: [] }] };
    }
    return { kind: 'timeout', how: 'watchdog', limitMs: record.limitMs };
  }
  const { result } = record;
  const syntax = result.moduleErrors.filter((e) => SYNTAX.test(`${e.name} ${e.message}`));
  if (syntax.length > 0) return { kind: 'compile', errors: syntax.map(toCompileError) };
  const failed = result.tests.filter((t) => t.state === 'failed');
  const reasons = failed.map((t) => (t.errors[0] ? reasonOf(t.errors[0]) : 'error'));
  reasons.push(...result.moduleErrors.map(reasonOf), ...unhandled.map(reasonOf));
  if (reasons.includes('out-of-memory')) return { kind: 'fail', reasons, result, extra: unhandled };
  if (reasons.includes('timeout')) return { kind: 'timeout', how: 'waited', limitMs, result };
  // An error thrown outside any test (a stray timer, a worker) still fails the exercise,
  // and a file with no test at all proves nothing.
  if (reasons.length > 0 || result.state === 'failed' || result.tests.length === 0) {
    return { kind: 'fail', reasons: reasons.length > 0 ? reasons : ['error'], result, extra: unhandled };
  }
  return { kind: 'pass', tests: result.tests.length, result };
}

function toCompileError(error: TestErrorInfo): CompileError {
  const loc = error.locations[0];
  return { file: loc?.file ?? '', line: loc?.line ?? 0, column: loc?.column ?? 0, message: error.message, frame: error.frame ?? '' };
}

/** A stub must fail for an assertion or "Not implemented" — not a crash, not a hang. */
export function failsForTheRightReason(verdict: Verdict): boolean {
  return verdict.kind === 'fail' && verdict.reasons.every((r) => r === 'assertion' || r === 'not-implemented');
}
