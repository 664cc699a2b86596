// One run of a lesson's exercises: the tests in the warm server while the compiler checks
// the learner's files, then verdict.ts judges each exercise. Used by watch mode and --once.
import path from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { repoRoot, testTimeoutFor, type Exercise, type Lesson } from './lessons.ts';
import { ConsoleLog } from './output.ts';
import { TestServer, type Mode } from './test-client.ts';
import { CachedTypeChecker, type CompileError } from './typecheck.ts';
import { judge, type RunRecord, type Verdict } from './verdict.ts';

export interface Checked {
  verdict: Verdict;
  logs: ConsoleLog;
}

export interface RunExercisesOptions {
  /** Files changed on disk since the last run. */
  invalidate?: string[];
  /** How long a run that can no longer change any verdict may go on before it is stopped. */
  graceMs?: number;
}

/**
 * Runs exercises through one warm server while the compiler checks the learner's files.
 * Resolves as soon as every exercise has a verdict: an exercise that does not compile does
 * not wait for its tests (which may hang) — they are stopped after a short grace.
 */
export async function runExercises(
  server: TestServer,
  checker: CachedTypeChecker | undefined,
  lesson: Lesson,
  exercises: Exercise[],
  { invalidate = [], graceMs = 500 }: RunExercisesOptions = {},
): Promise<Map<string, Checked>> {
  const logs = new Map(exercises.map((e) => [e.name, new ConsoleLog(lesson, e)]));
  const byTest = new Map(exercises.map((e) => [e.testFile, e]));
  const records = new Map<string, RunRecord>();
  const compileErrors = new Map<string, CompileError[]>();
  const stop = new AbortController();
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const decided = (): boolean => exercises.every((e) => (compileErrors.get(e.name)?.length ?? 0) > 0 || records.has(e.testFile));

  const running = server.run(
    exercises.map((e) => ({ file: e.testFile, timeoutMs: e.timeoutMs })),
    {
      invalidate,
      signal: stop.signal,
      onLog: (file, _stream, content) => {
        const exercise = (file && byTest.get(file)) || exercises[0]!;
        logs.get(exercise.name)!.add(content);
      },
      onRecord: (record) => {
        records.set(record.file, record);
        if (decided()) settle();
      },
    },
  );
  // Let the run request reach the server before the (synchronous) type check starts, so
  // the two use both cores.
  await tick();
  if (checker) {
    checker.invalidate(invalidate[0] ?? '');
    const errors = checker.check(exercises.map((e) => e.exerciseFile));
    for (const e of exercises) compileErrors.set(e.name, errors.filter((x) => x.file === e.exerciseFile));
  }
  if (decided()) {
    // Every verdict is known already; tests still running can only waste time (or hang).
    const timer = setTimeout(() => stop.abort(), graceMs);
    void running.finally(() => clearTimeout(timer)).catch(() => undefined);
  } else {
    await Promise.race([running, settled]);
    // Only exercises that do not compile are still running: stop them.
    if (records.size < exercises.length && decided()) stop.abort();
  }
  const { unhandled } = decided() && records.size < exercises.length ? { unhandled: [] } : await running;
  const results = new Map<string, Checked>();
  for (const e of exercises) {
    const verdict = judge({
      record: records.get(e.testFile),
      compileErrors: compileErrors.get(e.name) ?? [],
      limitMs: e.timeoutMs,
      // An error vitest could not pin on a test belongs to the exercise when it ran alone.
      unhandled: exercises.length === 1 ? unhandled : [],
    });
    results.set(e.name, { verdict, logs: logs.get(e.name)! });
  }
  return results;
}

/** The warm test server (started now, in the background) and the type checker for a lesson. */
export function openRun(lesson: Lesson, mode: Mode): { server: TestServer; checker: CachedTypeChecker | undefined } {
  const server = new TestServer({ lessonDir: lesson.dir, mode, testTimeoutMs: testTimeoutFor(lesson) });
  void server.start().catch(() => undefined);
  const checker = mode === 'exercise' ? new CachedTypeChecker(lesson.dir, path.join(repoRoot, '.interleave')) : undefined;
  return { server, checker };
}
