// `pnpm lesson new NN-slug [exercise]` (maintainers): scaffold a lesson or an exercise.
import path from 'node:path';
import { fail, say } from '../cli.ts';
import { repoRoot } from '../lessons.ts';
import { c } from '../report.ts';
import { scaffoldExercise, scaffoldLesson } from '../scaffold.ts';

export function scaffold(args: string[]): void {
  const [folder, name] = args;
  if (!folder) fail('usage: pnpm lesson new <NN-slug> [exercise-name]', 2);
  try {
    if (name) {
      const { name: full, created } = scaffoldExercise(repoRoot, folder, name);
      say(`Added exercise ${c.bold(full)} to lessons/${folder}:`);
      for (const f of created) say(`  ${path.relative(repoRoot, f)}`);
      say(`\nIt passes check-lessons as generated. Now write the real thing, then: pnpm --filter ./lessons/${folder} check-lessons`);
    } else {
      const created = scaffoldLesson(repoRoot, folder);
      say(`Created lessons/${folder}:`);
      for (const f of created) say(`  ${path.relative(repoRoot, f)}`);
      say(`\nNext: pnpm install (links the new package), then pnpm lesson new ${folder} <exercise-name>`);
    }
  } catch (error) {
    fail((error as Error).message, 2);
  }
}
