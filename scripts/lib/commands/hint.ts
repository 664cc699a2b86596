// `pnpm lesson N hint [exercise]`: one more hint each time.
import { say, warn } from '../cli.ts';
import type { Exercise, Lesson } from '../lessons.ts';
import { c } from '../report.ts';
import type { Progress } from '../state.ts';
import { solutionPath } from './paths.ts';

export function printHint(lesson: Lesson, exercise: Exercise, progress: Progress): void {
  const seen = progress.get(lesson, exercise).hints;
  const n = Math.min(seen + 1, exercise.hints.length);
  progress.update(lesson, exercise, { hints: n });
  say(`${c.bold(`Hint ${n}/${exercise.hints.length}`)} for ${exercise.name} (${exercise.title}):\n`);
  for (let i = 0; i < n; i++) say(`  ${c.dim(`${i + 1}.`)} ${exercise.hints[i]}`);
  if (n === exercise.hints.length) say(c.dim(`\nThat was the last hint. The solution is in ${solutionPath(exercise)} when you are ready to compare.`));
  for (const w of progress.warnings) warn(w);
}
