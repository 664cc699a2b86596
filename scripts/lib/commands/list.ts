// `pnpm lesson`: every lesson with the learner's progress, what is next — and every lesson
// that does not load, with its problem named rather than hidden.
import path from 'node:path';
import { say } from '../cli.ts';
import type { Lesson, LessonFormatError } from '../lessons.ts';
import { bar, c } from '../report.ts';
import type { Progress } from '../state.ts';
import { lessonsJson } from './json.ts';

export interface BrokenLesson {
  folder: string;
  problem: string;
}

export function brokenLessons(errors: LessonFormatError[], lessonsDir: string): BrokenLesson[] {
  return errors.map((e) => ({ folder: path.relative(lessonsDir, e.file).split(path.sep)[0] ?? e.file, problem: e.message }));
}

export function listLessons(lessons: Lesson[], broken: BrokenLesson[], progress: Progress, json: boolean): void {
  if (json) return void console.log(lessonsJson(lessons, broken, progress));
  say(c.bold('Interleave — lessons\n'));
  const rows = [
    ...lessons.map((l) => ({ folder: `${l.id}-${l.slug}`, lesson: l as Lesson | undefined, problem: undefined as string | undefined })),
    ...broken.map((b) => ({ folder: b.folder, lesson: undefined, problem: b.problem })),
  ].sort((a, b) => a.folder.localeCompare(b.folder));
  for (const row of rows) {
    const l = row.lesson;
    if (!l) {
      const [id = '??', ...slug] = row.folder.split('-');
      say(` ${c.red('✗')} ${c.bold(id)}  ${slug.join('-').padEnd(14)} ${c.red('does not load:')} ${row.problem}`);
      continue;
    }
    const done = progress.doneCount(l);
    const mark = done === l.exercises.length && done > 0 ? c.green('✓') : ' ';
    say(` ${mark} ${c.bold(l.id)}  ${l.slug.padEnd(14)} ${bar(done, l.exercises.length, 12)}  ${l.title}`);
    for (const e of l.exercises.filter((x) => x.missing)) {
      say(`        ${c.yellow('!')} ${path.relative(process.cwd(), e.exerciseFile)} is missing — ${c.cyan(`pnpm lesson ${l.number} reset ${e.index}`)} restores it`);
    }
  }
  const next = lessons.find((l) => progress.doneCount(l) < l.exercises.length);
  if (next) {
    const ex = progress.current(next);
    say(`\nNext: ${c.cyan(`pnpm lesson ${next.number}`)}${ex ? c.dim(` (${ex.name}: ${ex.title})`) : ''}`);
  } else if (lessons.length > 0) {
    say(`\n${c.green('Every exercise passes. Well done!')}`);
  }
}
