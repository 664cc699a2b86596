// check-lessons: proves every lesson keeps its promises to learners (the root README's
// "Adding a lesson" lists them).
//
//   tsx scripts/check-lessons.ts [lesson-dir …]   (no argument: every lesson)
//
// For every exercise: the tests pass on the solution (3 runs — concurrency flakes show up
// so), fail on the stub for an assertion or "Not implemented" (not a crash, not a
// timeout), and fail on every known-wrong answer in wrong/. Also: the manifest is
// complete with a hint each, exercise and solution export the same names, no test is
// focused or skipped, and every ```ts block of the README type-checks.
// Exit status 0 when every promise holds, 1 otherwise; each problem names the lesson,
// the exercise and the promise it breaks.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkLayout } from './lib/lesson-layout.ts';
import { loadLesson, loadLessons, repoRoot, testTimeoutFor, type Exercise, type Lesson } from './lib/lessons.ts';
import { TestServer, killAllServers, type RunResult } from './lib/test-client.ts';
import { TypeChecker } from './lib/typecheck.ts';
import { c, summarize } from './lib/report.ts';
import { endEverythingOnExit } from './lib/processes.ts';
import { failsForTheRightReason, judge, type Verdict } from './lib/verdict.ts';
import { createLimiter } from '@interleave/toolkit';
// Every ```python block runs under python3 and shows what its info string claims.
import { checkPythonBlocks } from './lib/python-blocks.ts';

const SOLUTION_RUNS = 3;

export interface Problem {
  lesson: string;
  exercise?: string | undefined;
  promise: string;
  detail: string;
}

/** The verdict on one exercise of a run, by the same rules the learner's runner uses. */
function verdictIn(run: RunResult, e: Exercise): Verdict {
  return judge({ record: run.records.get(e.testFile), compileErrors: [], limitMs: e.timeoutMs });
}

function relTo(lesson: Lesson, file: string): string {
  return path.relative(lesson.dir, file);
}

/** Runs the static checks and the three kinds of test run for one lesson. */
export async function checkLesson(lesson: Lesson, log: (line: string) => void = () => {}): Promise<Problem[]> {
  const problems: Problem[] = [];
  const name = `${lesson.id}-${lesson.slug}`;
  const problem = (exercise: Exercise | undefined, promise: string, detail: string): void => {
    problems.push({ lesson: name, exercise: exercise?.name, promise, detail });
  };

  if (lesson.exercises.length === 0) problem(undefined, 'a lesson has exercises', 'lesson.json lists none');
  // vitest starts in its own process while the compiler works here.
  // The solution runs get twice the learner's limits: check-lessons runs beside the rest of
  // the suite on two cores, and a reference answer reported as "did not finish" because the
  // machine was busy would be a false alarm. (A stub or a wrong answer that times out is
  // rejected either way, so those keep the learner's limits.)
  const solution = new TestServer({ lessonDir: lesson.dir, mode: 'solution', testTimeoutMs: testTimeoutFor(lesson) * 2 });
  const solutionRequests = lesson.exercises.map((e) => ({ file: e.testFile, timeoutMs: e.timeoutMs * 2 }));
  void solution.start().catch(() => undefined);

  // Static promises.
  for (const p of checkLayout(lesson.dir, lesson.exercises.map((e) => e.name))) {
    problem(undefined, 'every file has its folder role (packages/lesson-kit/README.md)', `${p.path}: ${p.detail}`);
  }
  const checker = new TypeChecker(lesson.dir);
  const exported = checker.exportsOf(lesson.exercises.flatMap((e) => [e.exerciseFile, e.solutionFile]));
  for (const e of lesson.exercises) {
    const mine = exported.get(e.exerciseFile) ?? [];
    const theirs = exported.get(e.solutionFile) ?? [];
    if (mine.join() !== theirs.join()) {
      problem(e, 'exercise and solution export the same names', `exercise exports [${mine.join(', ')}], solution exports [${theirs.join(', ')}]`);
    }
    const stub = readFileSync(e.exerciseFile, 'utf8');
    if (!/Not implemented/.test(stub)) problem(e, 'the stub throws "Not implemented"', `${relTo(lesson, e.exerciseFile)} has no "Not implemented"`);
    if (!/TODO/.test(stub)) problem(e, 'the stub marks what to do with a TODO', `${relTo(lesson, e.exerciseFile)} has no "TODO"`);
    const test = readFileSync(e.testFile, 'utf8');
    const focused = /\b(?:it|test|describe|suite)\s*\.\s*(only|skip|todo|skipIf|runIf)\b/.exec(test);
    if (focused) problem(e, 'no test is focused or skipped', `${relTo(lesson, e.testFile)} uses .${focused[1]}`);
    if (!test.includes(`#impl/${e.name}`)) problem(e, `the tests import "#impl/${e.name}"`, `${relTo(lesson, e.testFile)} does not`);
    if (e.wrongFiles.length === 0) problem(e, 'at least one known-wrong answer in wrong/', `no wrong/${e.name}.<flaw>.ts`);
  }
  problems.push(...checkReadme(lesson, checker));
  for (const p of await checkPythonBlocks(lesson.readmePath, { cwd: lesson.dir, log })) {
    problem(undefined, 'every ```python block of the README runs and shows what the text claims', `README.md:${p.line}: ${p.message}`);
  }

  const requests = lesson.exercises.map((e) => ({ file: e.testFile, timeoutMs: e.timeoutMs }));

  // 1. The solution passes, every time.
  try {
    for (let run = 1; run <= SOLUTION_RUNS; run++) {
      const result = await solution.run(solutionRequests);
      for (const e of lesson.exercises) {
        const verdict = verdictIn(result, e);
        if (verdict.kind !== 'pass') problem(e, `the tests pass on the solution (run ${run} of ${SOLUTION_RUNS})`, summarize(verdict));
      }
      log(`  solution run ${run}/${SOLUTION_RUNS} done`);
    }
  } finally {
    solution.kill();
  }

  // 2 and 3 mostly wait (for "Not implemented" to be thrown, for a wrong answer's
  // promise to time out), so they run side by side: the stub in one process, and round k
  // of the known-wrong answers — the k-th wrong file of every exercise — in another.
  const limit = createLimiter(3);
  const jobs: Array<Promise<void>> = [];
  jobs.push(
    limit(async () => {
      const stub = new TestServer({ lessonDir: lesson.dir, mode: 'exercise', testTimeoutMs: testTimeoutFor(lesson) });
      try {
        const result = await stub.run(requests);
        for (const e of lesson.exercises) {
          const verdict = verdictIn(result, e);
          if (verdict.kind === 'pass') {
            problem(e, 'the tests fail on the stub', `they pass on ${relTo(lesson, e.exerciseFile)} — a learner would be told they are done without writing anything`);
          } else if (verdict.kind === 'fail' && !failsForTheRightReason(verdict)) {
            problem(e, 'the stub fails for an assertion or "Not implemented", not a crash', summarize(verdict));
          } else if (verdict.kind !== 'fail') {
            problem(e, 'the stub fails for an assertion or "Not implemented", not a crash or a timeout', summarize(verdict));
          }
        }
        log('  stub run done');
      } finally {
        stub.kill();
      }
    }),
  );
  const rounds = Math.max(0, ...lesson.exercises.map((e) => e.wrongFiles.length));
  for (let k = 0; k < rounds; k++) {
    const inRound = lesson.exercises.filter((e) => e.wrongFiles[k]);
    const overrides = Object.fromEntries(inRound.map((e) => [e.name, relTo(lesson, e.wrongFiles[k]!)]));
    jobs.push(
      limit(async () => {
        const server = new TestServer({ lessonDir: lesson.dir, mode: 'exercise', overrides, testTimeoutMs: testTimeoutFor(lesson) });
        try {
          const result = await server.run(inRound.map((e) => ({ file: e.testFile, timeoutMs: e.timeoutMs })));
          for (const e of inRound) {
            if (verdictIn(result, e).kind === 'pass') {
              problem(e, 'the tests reject every known-wrong answer', `${relTo(lesson, e.wrongFiles[k]!)} passes all the tests`);
            }
          }
        } finally {
          server.kill();
        }
        log(`  wrong answers, round ${k + 1}/${rounds} done`);
      }),
    );
  }
  await Promise.all(jobs);
  problems.sort((a, b) => (a.exercise ?? '').localeCompare(b.exercise ?? '') || a.promise.localeCompare(b.promise));
  return problems;
}

/** Every ```ts block of the README is compiled as its own module inside the lesson. */
function checkReadme(lesson: Lesson, checker: TypeChecker): Problem[] {
  const problems: Problem[] = [];
  const name = `${lesson.id}-${lesson.slug}`;
  let text: string;
  try {
    text = readFileSync(lesson.readmePath, 'utf8');
  } catch {
    return [{ lesson: name, promise: 'a lesson has a README.md', detail: 'missing' }];
  }
  const blocks: Array<{ code: string; line: number }> = [];
  const fence = /^```(ts|typescript)(?:[ \t]+([^\n]*))?\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    if (/\bignore\b/.test(m[2] ?? '')) continue;
    blocks.push({ code: m[3]!, line: text.slice(0, m.index).split('\n').length });
  }
  if (blocks.length === 0) return problems;
  const dir = path.join(lesson.dir, '.readme-check');
  mkdirSync(dir, { recursive: true });
  try {
    const files = blocks.map((b, i) => {
      const file = path.join(dir, `block-${i + 1}.ts`);
      // Each block is a module of its own, so two blocks may declare the same names.
      writeFileSync(file, `${b.code}\nexport {};\n`);
      return file;
    });
    for (const error of checker.check(files)) {
      const index = files.indexOf(error.file);
      const block = blocks[index];
      if (!block) continue;
      problems.push({
        lesson: name,
        promise: 'every ```ts block of the README type-checks',
        detail: `README.md:${block.line + error.line} (block ${index + 1}, line ${error.line}): ${error.message.split('\n')[0]}`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${c.red('✗')} ${p.lesson}${p.exercise ? ` › ${p.exercise}` : ''}: broken promise — ${c.bold(p.promise)}\n    ${p.detail}`)
    .join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let lessons: Lesson[];
  try {
    lessons = args.length > 0 ? args.map((dir) => loadLesson(path.resolve(dir))) : loadLessons(repoRoot);
  } catch (error) {
    console.error(`${c.red('✗')} ${(error as Error).message}`);
    return 1;
  }
  let all: Problem[] = [];
  for (const lesson of lessons) {
    const started = performance.now();
    console.log(`${c.bold(`check-lessons ${lesson.id}-${lesson.slug}`)}: ${lesson.exercises.length} exercises`);
    const problems = await checkLesson(lesson, (line) => console.log(c.dim(line)));
    all = all.concat(problems);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(problems.length === 0 ? `${c.green('✓')} every promise holds (${secs} s)` : `${formatProblems(problems)}\n(${secs} s)`);
  }
  const checked = lessons.reduce((n, l) => n + l.exercises.length, 0);
  console.log(`\ncheck-lessons: ${checked} exercises in ${lessons.length} lesson(s), ${all.length} broken promise(s)`);
  return all.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  endEverythingOnExit();
  const code = await main();
  killAllServers();
  process.exit(code);
}
