// The verdict in one place (issue 10): the rules, without a process.
import { describe, expect, test } from 'vitest';
import type { FileResult } from '../lib/test-protocol.ts';
import { failsForTheRightReason, judge } from '../lib/verdict.ts';

const file = '/l/tests/01-x.test.ts';
const result = (tests: FileResult['tests'], moduleErrors: FileResult['moduleErrors'] = []): FileResult => ({
  file,
  state: tests.some((t) => t.state === 'failed') || moduleErrors.length > 0 ? 'failed' : 'passed',
  tests,
  moduleErrors,
});
const failed = (message: string, name = 'Error') => ({ name: 't', state: 'failed' as const, errors: [{ name, message, locations: [] }] });

describe('judge', () => {
  test('a type error wins over any test result', () => {
    const v = judge({ record: { kind: 'finished', file, result: result([{ name: 't', state: 'passed', errors: [] }]) }, compileErrors: [{ file: 'x', line: 1, column: 1, message: 'no', frame: '' }], limitMs: 1000 });
    expect(v.kind).toBe('compile');
  });

  test('"Not implemented" and assertions are the right reasons for a stub; a crash is not', () => {
    const stub = judge({ record: { kind: 'finished', file, result: result([failed('Not implemented: x')]) }, compileErrors: [], limitMs: 1000 });
    expect(stub).toMatchObject({ kind: 'fail', reasons: ['not-implemented'] });
    expect(failsForTheRightReason(stub)).toBe(true);
    const crash = judge({ record: { kind: 'finished', file, result: result([failed('x is not a function', 'TypeError')]) }, compileErrors: [], limitMs: 1000 });
    expect(failsForTheRightReason(crash)).toBe(false);
  });

  test("vitest's own per-test limit is \"did not finish\" (waited), the watchdog's kill too (watchdog)", () => {
    expect(judge({ record: { kind: 'finished', file, result: result([failed('Test timed out in 5000ms.')]) }, compileErrors: [], limitMs: 1000 })).toMatchObject({ kind: 'timeout', how: 'waited' });
    expect(judge({ record: { kind: 'stopped', file, limitMs: 2500, by: 'watchdog' }, compileErrors: [], limitMs: 1000 })).toMatchObject({ kind: 'timeout', how: 'watchdog', limitMs: 2500 });
  });

  test('a test process that died of a full heap is "out of memory" with the limit; another death is a failure, not a hang', () => {
    const oom = judge({ record: { kind: 'stopped', file, limitMs: 2500, by: 'died', died: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', heapLimitMb: 64 }, compileErrors: [], limitMs: 1000 });
    expect(oom).toMatchObject({ kind: 'fail', reasons: ['out-of-memory'], heapLimitMb: 64 });
    const died = judge({ record: { kind: 'stopped', file, limitMs: 2500, by: 'died', died: 'Segmentation fault' }, compileErrors: [], limitMs: 1000 });
    expect(died).toMatchObject({ kind: 'fail', reasons: ['error'] });
  });

  test('an error outside any test fails a passing file; a file with no test proves nothing', () => {
    const pass = result([{ name: 't', state: 'passed', errors: [] }]);
    expect(judge({ record: { kind: 'finished', file, result: pass }, compileErrors: [], limitMs: 1000, unhandled: [{ name: 'Error', message: 'stray', locations: [] }] }).kind).toBe('fail');
    expect(judge({ record: { kind: 'finished', file, result: result([]) }, compileErrors: [], limitMs: 1000 }).kind).toBe('fail');
    expect(judge({ record: { kind: 'finished', file, result: pass }, compileErrors: [], limitMs: 1000 }).kind).toBe('pass');
  });
});
