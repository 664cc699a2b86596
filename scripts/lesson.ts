// `pnpm lesson` — the learner's loop. See the command table in the README.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { findExercise, findLesson, loadLessonsLeniently, repoRoot, testTimeoutFor, type Exercise, type Lesson } from './lib/lessons.ts';
import { Progress } from './lib/state.ts';
import { TestServer, killAllServers, type Mode, type Outcome } from './lib/test-client.ts';
import { CachedTypeChecker, type CompileError } from './lib/typecheck.ts';
import { bar, c, explain, label, verdictOf, type Verdict } from './lib/report.ts';
import { resetExercise } from './lib/stubs.ts';
import { scaffoldExercise, scaffoldLesson } from './lib/scaffold.ts';
import { FolderWatcher } from './lib/watch.ts';

const USAGE = `Usage: pnpm lesson [lesson] [exercise | hint | reset | demo] [options]

  pnpm lesson                     list lessons with your progress, and what is next
  pnpm lesson 3                   watch mode on lesson 3: edit, save, see the tests
  pnpm lesson 3 2 | 3 mutex       the same, starting at exercise 2 / the one named "mutex"
  pnpm lesson 3 --once            run every exercise once; exit 0 if all pass, 1 if not
  pnpm lesson 3 --solution        run the tests against the reference solutions
  pnpm lesson 3 hint [exercise]   print the next hint of the current exercise
  pnpm lesson 3 reset [exercise]  put the stub back (your version is backed up first)
  pnpm lesson 3 demo [name]       run the lesson's demos
  pnpm lesson new 07-slug [name]  (maintainers) add a lesson, or an exercise to one

Options: --once  --solution  --json  --poll (watch by polling)  --help
Lessons can be named by number (3, 03) or by name (threads).`;

interface Flags {
  once: boolean;
  solution: boolean;
  json: boolean;
  poll: boolean;
  help: boolean;
}

function parse(argv: string[]): { flags: Flags; args: string[] } {
  const flags: Flags = { once: false, solution: false, json: false, poll: false, help: false };
  const args: string[] = [];
  for (const arg of argv) {
    if (arg === '--') continue;
    else if (arg === '--once') flags.once = true;
    else if (arg === '--solution') flags.solution = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--poll') flags.poll = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`, 2, true);
    else args.push(arg);
  }
  return { flags, args };
}

function fail(message: string, code: number, usage = false): never {
  console.error(`${c.red('error:')} ${message}`);
  if (usage) console.error(`\n${USAGE}`);
  process.exit(code);
}

function listLessons(lessons: Lesson[], progress: Progress, json: boolean): void {
  if (json) {
    const data = lessons.map((l) => ({
      id: l.id,
      slug: l.slug,
      title: l.title,
      done: progress.doneCount(l),
      total: l.exercises.length,
      exercises: l.exercises.map((e) => ({ name: e.name, title: e.title, done: progress.get(l, e).done })),
    }));
    console.log(JSON.stringify({ lessons: data }, null, 2));
    return;
  }
  console.log(c.bold('Interleave — lessons\n'));
  for (const l of lessons) {
    const done = progress.doneCount(l);
    const mark = done === l.exercises.length && done > 0 ? c.green('✓') : ' ';
    console.log(` ${mark} ${c.bold(l.id)}  ${l.slug.padEnd(14)} ${bar(done, l.exercises.length, 12)}  ${l.title}`);
  }
  const next = lessons.find((l) => progress.doneCount(l) < l.exercises.length);
  if (next) {
    const ex = progress.current(next);
    console.log(`\nNext: ${c.cyan(`pnpm lesson ${next.number}`)}${ex ? c.dim(` (${ex.name}: ${ex.title})`) : ''}`);
  } else if (lessons.length > 0) {
    console.log(`\n${c.green('Every exercise passes. Well done!')}`);
  }
}

function unknownLesson(query: string, lessons: Lesson[], progress: Progress): never {
  console.error(`${c.red('error:')} there is no lesson "${query}". Use a number (${lessons.map((l) => l.number).join(', ')}) or a name (${lessons.map((l) => l.slug).join(', ')}).\n`);
  listLessons(lessons, progress, false);
  process.exit(2);
}

async function main(): Promise<void> {
  const { flags, args } = parse(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  if (args[0] === 'new') return scaffold(args.slice(1));

  const { lessons, errors } = loadLessonsLeniently(repoRoot);
  const progress = new Progress(repoRoot);
  const warnBroken = (): void => {
    for (const error of errors) console.error(`${c.yellow('warning:')} skipped a lesson that does not load: ${error.message}`);
  };
  if (args.length === 0 || args[0] === 'list') {
    warnBroken();
    return listLessons(lessons, progress, flags.json);
  }

  const lesson = findLesson(lessons, args[0]!);
  if (!lesson) {
    // Asked for exactly the broken one: say what is wrong with it, not that it is unknown.
    const broken = errors.find((e) => findLesson([fakeLesson(e.file)], args[0]!));
    if (broken) fail(broken.message, 2);
    warnBroken();
    unknownLesson(args[0]!, lessons, progress);
  }
  const [, sub, arg] = args;
  const pick = (query: string | undefined): Exercise => {
    if (query === undefined) {
      const current = progress.current(lesson);
      if (!current) fail(`lesson ${lesson.id} has no exercises yet`, 2);
      return current;
    }
    const found = findExercise(lesson, query);
    if (!found) {
      fail(`lesson ${lesson.id} has no exercise "${query}". Its exercises:\n${lesson.exercises.map((e) => `  ${e.index}  ${e.name}  ${e.title}`).join('\n')}`, 2);
    }
    return found;
  };

  if (sub === 'hint') return printHint(lesson, pick(arg), progress);
  if (sub === 'reset') return reset(lesson, pick(arg), progress);
  if (sub === 'demo') return demo(lesson, arg);
  const mode: Mode = flags.solution ? 'solution' : 'exercise';
  const start = sub === undefined ? undefined : pick(sub);
  if (flags.once) {
    const code = await once(lesson, start ? [start] : lesson.exercises, mode, progress, flags.json);
    killAllServers();
    process.exit(code);
  }
  await watchMode(lesson, start ?? pick(undefined), mode, progress, flags);
}

/** Enough of a Lesson to match a broken lesson's folder against what the learner typed. */
function fakeLesson(file: string): Lesson {
  const rel = path.relative(path.join(repoRoot, 'lessons'), file).split(path.sep)[0] ?? '';
  const m = /^(\d{2})-(.+)$/.exec(rel);
  return { id: m?.[1] ?? '', number: m ? Number(m[1]) : -1, slug: m?.[2] ?? rel } as Lesson;
}

function printHint(lesson: Lesson, exercise: Exercise, progress: Progress): void {
  const seen = progress.get(lesson, exercise).hints;
  const n = Math.min(seen + 1, exercise.hints.length);
  progress.update(lesson, exercise, { hints: n });
  console.log(`${c.bold(`Hint ${n}/${exercise.hints.length}`)} for ${exercise.name} (${exercise.title}):\n`);
  for (let i = 0; i < n; i++) console.log(`  ${c.dim(`${i + 1}.`)} ${exercise.hints[i]}`);
  if (n === exercise.hints.length) console.log(c.dim('\nThat was the last hint. The solution is in solutions/ when you are ready to compare.'));
}

function reset(lesson: Lesson, exercise: Exercise, progress: Progress): void {
  let result;
  try {
    result = resetExercise(repoRoot, lesson, exercise);
  } catch (error) {
    fail((error as Error).message, 1);
  }
  const file = path.relative(process.cwd(), exercise.exerciseFile);
  if (result.unchanged) {
    console.log(`${file} is already the original stub; nothing to do.`);
    return;
  }
  progress.update(lesson, exercise, { done: false });
  console.log(`${c.green('✓')} ${file} is the original stub again.`);
  if (result.backup) console.log(`  Your version was saved first: ${c.bold(path.relative(process.cwd(), result.backup))}`);
}

function demo(lesson: Lesson, name: string | undefined): void {
  if (lesson.demos.length === 0) fail(`lesson ${lesson.id} has no demos`, 2);
  const chosen = name === undefined ? lesson.demos : lesson.demos.filter((d) => d.name === name || d.name.includes(name));
  if (chosen.length === 0) {
    fail(`lesson ${lesson.id} has no demo "${name}". Its demos:\n${lesson.demos.map((d) => `  ${d.name.padEnd(24)} ${d.description}`).join('\n')}`, 2);
  }
  for (const d of chosen) {
    console.log(`\n${c.bold(`▶ ${d.name}`)}  ${c.dim(d.description)}\n`);
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx/esm'), d.file], { cwd: lesson.dir, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

function scaffold(args: string[]): void {
  const [folder, name] = args;
  if (!folder) fail('usage: pnpm lesson new <NN-slug> [exercise-name]', 2);
  try {
    if (name) {
      const { name: full, created } = scaffoldExercise(repoRoot, folder, name);
      console.log(`Added exercise ${c.bold(full)} to lessons/${folder}:`);
      for (const f of created) console.log(`  ${path.relative(repoRoot, f)}`);
      console.log(`\nIt passes check-lessons as generated. Now write the real thing, then: pnpm --filter ./lessons/${folder} check-lessons`);
    } else {
      const created = scaffoldLesson(repoRoot, folder);
      console.log(`Created lessons/${folder}:`);
      for (const f of created) console.log(`  ${path.relative(repoRoot, f)}`);
      console.log(`\nNext: pnpm install (links the new package), then pnpm lesson new ${folder} <exercise-name>`);
    }
  } catch (error) {
    fail((error as Error).message, 2);
  }
}

interface Checked {
  verdict: Verdict;
  logs: string[];
}

/** Runs exercises through one warm server while the compiler checks the learner's files. */
async function check(
  server: TestServer,
  checker: CachedTypeChecker | undefined,
  lesson: Lesson,
  exercises: Exercise[],
  invalidate: string[] = [],
): Promise<Map<string, Checked>> {
  const logs = new Map<string, string[]>();
  const byTest = new Map(exercises.map((e) => [e.testFile, e]));
  const running = server.run(
    exercises.map((e) => ({ file: e.testFile, timeoutMs: e.timeoutMs })),
    {
      invalidate,
      onLog: (file, _stream, content) => {
        const key = (file && byTest.get(file)?.name) ?? exercises[0]!.name;
        logs.set(key, [...(logs.get(key) ?? []), content]);
      },
    },
  );
  // Let the run request reach the server before the (synchronous) type check starts, so
  // the two use both cores.
  await new Promise((resolve) => setImmediate(resolve));
  const compileErrors = new Map<string, CompileError[]>();
  if (checker) {
    checker.invalidate(invalidate[0] ?? '');
    const errors = checker.check(exercises.map((e) => e.exerciseFile));
    for (const e of exercises) compileErrors.set(e.name, errors.filter((x) => x.file === e.exerciseFile));
  }
  const { outcomes, unhandled } = await running;
  const results = new Map<string, Checked>();
  for (const e of exercises) {
    let outcome: Outcome | undefined = outcomes.get(e.testFile);
    if (outcome?.kind === 'pass' && unhandled.length > 0 && exercises.length === 1) {
      // An error thrown outside any test (a stray timer, a worker) still fails the exercise.
      outcome = { kind: 'fail', file: outcome.file, reasons: ['error'], result: { ...outcome.result, state: 'failed', moduleErrors: unhandled } };
    }
    outcome ??= { kind: 'timeout', file: e.testFile, limitMs: e.timeoutMs, killed: true };
    results.set(e.name, { verdict: verdictOf(outcome, compileErrors.get(e.name) ?? []), logs: logs.get(e.name) ?? [] });
  }
  return results;
}

function printLogs(logs: string[]): void {
  if (logs.length === 0) return;
  console.log(`\n${c.dim('── your console output ──')}`);
  process.stdout.write(logs.join(''));
  console.log(c.dim('─────────────────────────'));
}

async function once(lesson: Lesson, exercises: Exercise[], mode: Mode, progress: Progress, json: boolean): Promise<number> {
  const server = new TestServer({ lessonDir: lesson.dir, mode, testTimeoutMs: testTimeoutFor(lesson) });
  void server.start().catch(() => undefined);
  const checker = mode === 'exercise' ? new CachedTypeChecker(lesson.dir, path.join(repoRoot, '.interleave')) : undefined;
  const results = await check(server, checker, lesson, exercises);
  const failing = exercises.filter((e) => results.get(e.name)!.verdict.kind !== 'pass');
  if (mode === 'exercise') {
    for (const e of exercises) progress.update(lesson, e, { done: results.get(e.name)!.verdict.kind === 'pass' });
  }
  if (json) {
    console.log(
      JSON.stringify(
        {
          lesson: `${lesson.id}-${lesson.slug}`,
          mode,
          passed: exercises.length - failing.length,
          failed: failing.length,
          exercises: exercises.map((e) => ({ name: e.name, title: e.title, status: results.get(e.name)!.verdict.kind })),
        },
        null,
        2,
      ),
    );
    return failing.length === 0 ? 0 : 1;
  }
  console.log(`${c.bold(`Lesson ${lesson.id} · ${lesson.title}`)}${mode === 'solution' ? c.dim('  (against the reference solutions)') : ''}\n`);
  for (const e of exercises) {
    console.log(`  ${label(results.get(e.name)!.verdict.kind).padEnd(30)} ${e.name}  ${c.dim(e.title)}`);
  }
  const first = failing[0];
  if (first) {
    const r = results.get(first.name)!;
    console.log(`\n${c.bold(`First to fix: ${first.name}`)} — ${path.relative(process.cwd(), mode === 'solution' ? first.solutionFile : first.exerciseFile)}\n`);
    console.log(explain(r.verdict, lesson, first));
    printLogs(r.logs);
    console.log(`\nWork on it with ${c.cyan(`pnpm lesson ${lesson.number} ${first.name.slice(3)}`)}`);
  }
  console.log(`\n${exercises.length - failing.length} passed, ${failing.length} failed`);
  return failing.length === 0 ? 0 : 1;
}

async function watchMode(lesson: Lesson, start: Exercise, mode: Mode, progress: Progress, flags: Flags): Promise<void> {
  const tty = process.stdout.isTTY === true;
  const server = new TestServer({ lessonDir: lesson.dir, mode, testTimeoutMs: testTimeoutFor(lesson) });
  void server.start().catch(() => undefined);
  const checker = mode === 'exercise' ? new CachedTypeChecker(lesson.dir, path.join(repoRoot, '.interleave')) : undefined;
  let exercise = start;
  let last: Checked | undefined;
  let running = false;
  let again: string[] | undefined;
  let notice = '';
  let listing = false;

  const file = (): string => path.relative(process.cwd(), mode === 'solution' ? exercise.solutionFile : exercise.exerciseFile);
  const render = (status?: string): void => {
    if (tty) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
    else console.log(`\n${'─'.repeat(60)}`);
    const done = progress.doneCount(lesson);
    console.log(`${c.bold(`Lesson ${lesson.id} · ${lesson.title}`)}   ${bar(done, lesson.exercises.length)}`);
    console.log(`Exercise ${exercise.index}/${lesson.exercises.length}: ${c.bold(exercise.title)} ${c.dim(`(${exercise.name})`)}${mode === 'solution' ? c.yellow('  [solution mode]') : ''}`);
    console.log(`Edit ${c.cyan(file())} and save — the tests run on every save.\n`);
    if (listing) {
      for (const e of lesson.exercises) {
        const mark = progress.get(lesson, e).done ? c.green('✓') : e === exercise ? c.yellow('›') : ' ';
        console.log(`  ${mark} ${e.index}. ${e.name}  ${c.dim(e.title)}`);
      }
      console.log('');
    }
    if (status) console.log(status);
    else if (last) {
      console.log(explain(last.verdict, lesson, exercise));
      printLogs(last.logs);
      if (last.verdict.kind === 'pass') {
        const nextEx = lesson.exercises[exercise.index];
        console.log(nextEx ? `\n${c.green('Press n for the next exercise:')} ${nextEx.title}` : `\n${c.green('That was the last exercise of this lesson. 🎉')}`);
      }
    }
    const shown = progress.get(lesson, exercise).hints;
    if (shown > 0) {
      console.log(`\n${c.bold('Hints')}`);
      for (let i = 0; i < shown; i++) console.log(`  ${c.dim(`${i + 1}.`)} ${exercise.hints[i]}`);
    }
    if (notice) console.log(`\n${c.yellow(notice)}`);
    console.log(
      keysEnabled
        ? `\n${c.dim(`h hint (${shown}/${exercise.hints.length}) · n next · l list · r re-run · q quit`)}`
        : `\n${c.dim('(no terminal: keys are off; Ctrl-C to stop)')}`,
    );
  };

  const run = async (changed: string[] = []): Promise<void> => {
    if (running) {
      again = [...(again ?? []), ...changed];
      return;
    }
    running = true;
    render(c.dim(`running the tests of ${exercise.name} …`));
    try {
      const results = await check(server, checker, lesson, [exercise], changed);
      last = results.get(exercise.name)!;
      if (mode === 'exercise') progress.update(lesson, exercise, { done: last.verdict.kind === 'pass' });
      render();
    } catch (error) {
      render(c.red(`The runner could not run the tests: ${(error as Error).message}`));
    } finally {
      running = false;
    }
    if (again) {
      const next = again;
      again = undefined;
      void run(next);
    }
  };

  const quit = (): void => {
    watcher.stop();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    killAllServers();
    const done = progress.doneCount(lesson);
    console.log(`\n${c.dim(`Progress saved: ${done}/${lesson.exercises.length} of lesson ${lesson.id}. Resume with`)} ${c.cyan(`pnpm lesson ${lesson.number}`)}`);
    process.exit(0);
  };

  const onKey = (key: string): void => {
    notice = '';
    switch (key) {
      case 'h': {
        const seen = progress.get(lesson, exercise).hints;
        if (seen < exercise.hints.length) progress.update(lesson, exercise, { hints: seen + 1 });
        else notice = 'No more hints. Compare with the reference: solutions/' + path.basename(exercise.solutionFile);
        render();
        break;
      }
      case 'n': {
        if (last?.verdict.kind !== 'pass') {
          notice = 'n moves on once this exercise passes.';
          render();
          break;
        }
        const nextEx = lesson.exercises[exercise.index];
        if (!nextEx) {
          notice = 'This is the last exercise. Run `pnpm lesson` to see what comes next.';
          render();
          break;
        }
        exercise = nextEx;
        last = undefined;
        void run();
        break;
      }
      case 'l':
        listing = !listing;
        render();
        break;
      case 'r':
        void run();
        break;
      case 'q':
      case '\u0003':
      case '\u0004':
        quit();
        break;
    }
  };

  const dirs = [path.join(lesson.dir, mode === 'solution' ? 'solutions' : 'exercises')];
  const watcher = new FolderWatcher(dirs, (changed) => void run(changed), {
    poll: flags.poll,
    onNotice: (message) => {
      notice = message;
      if (!running) render();
    },
  });
  if (flags.poll) notice = 'Watching by polling (--poll).';
  watcher.start();

  const keysEnabled = process.stdin.isTTY === true || !process.stdin.isTTY;
  if (process.stdin.isTTY) {
    readline.emitKeypressEvents(process.stdin);
    process.stdin.setRawMode(true);
    process.stdin.on('keypress', (str: string | undefined, key: { ctrl?: boolean; name?: string }) => {
      if (key?.ctrl && key.name === 'c') quit();
      else if (str) onKey(str);
    });
  } else {
    // Piped input (editors, tests): each character is a key; the end of input changes nothing.
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      for (const ch of chunk) if (ch.trim()) onKey(ch);
    });
    process.stdin.on('error', () => undefined);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, quit);
  await run();
}

await main();
