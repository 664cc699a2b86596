// `pnpm lesson` — the learner's loop. A thin dispatcher: it reads the command line, finds
// the lesson and the exercise, and hands over to one module per command (lib/commands/).
// See the command table in the README.
import path from 'node:path';
import { USAGE, fail, parse, warn } from './lib/cli.ts';
import { demo } from './lib/commands/demo.ts';
import { printHint } from './lib/commands/hint.ts';
import { brokenLessons, listLessons } from './lib/commands/list.ts';
import { scaffold } from './lib/commands/new.ts';
import { once } from './lib/commands/once.ts';
import { exercisePath } from './lib/commands/paths.ts';
import { reset } from './lib/commands/reset.ts';
import { watchMode } from './lib/commands/watch.ts';
import { findExercise, findLesson, loadLessonsLeniently, repoRoot, type Exercise, type Lesson } from './lib/lessons.ts';
import { endEverythingOnExit } from './lib/processes.ts';
import { Progress } from './lib/state.ts';
import type { Mode } from './lib/test-client.ts';

async function main(): Promise<void> {
  endEverythingOnExit();
  const { flags, args } = parse(process.argv.slice(2));
  if (flags.help) return void console.log(USAGE);
  if (args[0] === 'new') return scaffold(args.slice(1));

  const { lessons, errors } = loadLessonsLeniently(repoRoot);
  const broken = brokenLessons(errors, path.join(repoRoot, 'lessons'));
  const progress = new Progress(repoRoot);
  for (const w of progress.warnings) warn(w);
  progress.warnings.length = 0;
  if (args.length === 0 || args[0] === 'list') return listLessons(lessons, broken, progress, flags.json);

  const lesson = findLesson(lessons, args[0]!);
  if (!lesson) {
    // Asked for exactly the broken one: say what is wrong with it, not that it is unknown.
    const asked = broken.find((b) => findLesson([folderAsLesson(b.folder)], args[0]!));
    if (asked) fail(asked.problem, 2);
    console.error(`error: there is no lesson "${args[0]}". Use a number (${lessons.map((l) => l.number).join(', ')}) or a name (${lessons.map((l) => l.slug).join(', ')}).\n`);
    listLessons(lessons, broken, progress, false);
    process.exit(2);
  }
  const [, sub, arg] = args;
  const pick = (query: string | undefined): Exercise => {
    if (query === undefined) {
      const current = progress.current(lesson);
      if (!current) fail(`lesson ${lesson.id} has no exercises yet`, 2);
      return current;
    }
    const found = findExercise(lesson, query);
    if (!found) fail(`lesson ${lesson.id} has no exercise "${query}". Its exercises:\n${lesson.exercises.map((e) => `  ${e.index}  ${e.name}  ${e.title}`).join('\n')}`, 2);
    return found;
  };
  const present = (exercises: Exercise[]): Exercise[] => {
    const gone = exercises.find((e) => e.missing);
    if (gone) fail(`${exercisePath(gone)} is missing. Restore the stub with: pnpm lesson ${lesson.number} reset ${gone.index}`, 2);
    return exercises;
  };

  if (sub === 'hint') return printHint(lesson, pick(arg), progress);
  if (sub === 'reset') return reset(lesson, pick(arg), progress);
  if (sub === 'demo') return demo(lesson, arg);
  const mode: Mode = flags.solution ? 'solution' : 'exercise';
  const start = sub === undefined ? undefined : pick(sub);
  if (flags.once) {
    const chosen = start ? [start] : lesson.exercises;
    process.exit(await once(lesson, mode === 'exercise' ? present(chosen) : chosen, mode, progress, flags.json));
  }
  const first = start ?? pick(undefined);
  if (mode === 'exercise') present([first]);
  await watchMode(lesson, first, mode, progress, { poll: flags.poll });
}

/** Enough of a Lesson to match a broken lesson's folder against what the learner typed. */
function folderAsLesson(folder: string): Lesson {
  const m = /^(\d{2})-(.+)$/.exec(folder);
  return { id: m?.[1] ?? '', number: m ? Number(m[1]) : -1, slug: m?.[2] ?? folder } as Lesson;
}

await main();
