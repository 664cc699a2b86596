// `pnpm lesson N reset [exercise]`: the stub back (also when the file was deleted), after
// the learner's version is backed up and the progress it changes is saved.
import { fail, say } from '../cli.ts';
import { repoRoot, type Exercise, type Lesson } from '../lessons.ts';
import { c } from '../report.ts';
import type { Progress } from '../state.ts';
import { resetExercise } from '../stubs.ts';
import { exercisePath, shown } from './paths.ts';

export async function reset(lesson: Lesson, exercise: Exercise, progress: Progress): Promise<void> {
  let result;
  try {
    result = await resetExercise(repoRoot, lesson, exercise, () => {
      if (!progress.update(lesson, exercise, { done: false })) {
        throw new Error(`${progress.warnings.at(-1)}. ${exercisePath(exercise)} was not changed.`);
      }
    });
  } catch (error) {
    fail((error as Error).message, 1);
  }
  const file = exercisePath(exercise);
  if (result.unchanged) return say(`${file} is already the original stub; nothing to do.`);
  say(`${c.green('✓')} ${file} is the original stub again${result.restored ? ' (it was missing)' : ''}.`);
  if (result.backup) say(`  Your version was saved first: ${c.bold(shown(result.backup))}`);
}
