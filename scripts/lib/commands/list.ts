// `pnpm lesson`: every lesson with the learner's progress, what is next — and every lesson
// that does not load, with its problem named rather than hidden.
import path from 'node:path';
import { say, terminalSize } from '../cli.ts';
import type { Lesson, LessonFormatError } from '../lessons.ts';
import { bar, c } from '../report.ts';
import { width, wrapLine } from '../screen.ts';
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
  const slugWidth = Math.max(14, ...lessons.map((l) => l.slug.length));
  const barWidth = Math.max(0, ...lessons.map((l) => width(bar(progress.doneCount(l), l.exercises.length, 12))));
  const { columns } = terminalSize();
  for (const row of rows) {
    const l = row.lesson;
    if (!l) {
      const [id = '??', ...slug] = row.folder.split('-');
      say(` ${c.red('✗')} ${c.bold(id)}  ${slug.join('-').padEnd(slugWidth)} ${c.red('does not load:')} ${row.problem}`);
      continue;
    }
    const done = progress.doneCount(l);
    const mark = done === l.exercises.length && done > 0 ? c.green('✓') : ' ';
    // Columns line up whatever the longest slug and count; a long title wraps under itself.
    const progressCell = bar(done, l.exercises.length, 12);
    const prefix = ` ${mark} ${c.bold(l.id)}  ${l.slug.padEnd(slugWidth)} ${progressCell}${' '.repeat(Math.max(0, barWidth - width(progressCell)))}  `;
    const [first = '', ...rest] = wrapLine(l.title, Math.max(20, columns - width(prefix)));
    say(prefix + first);
    for (const line of rest) say(' '.repeat(width(prefix)) + line);
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
