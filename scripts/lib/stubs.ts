// `pnpm lesson N reset`: put the stub back, after keeping the learner's version.
// The stub is the newest committed version of the exercise file that still throws
// "Not implemented" — so it works whether or not the learner has committed their work.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Exercise, Lesson } from './lessons.ts';

export function pristineStub(root: string, file: string): string | undefined {
  const relPath = path.relative(root, file).split(path.sep).join('/');
  let hashes: string[];
  try {
    hashes = execFileSync('git', ['log', '--format=%H', '--', relPath], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
  } catch {
    return undefined;
  }
  for (const hash of hashes) {
    try {
      const text = execFileSync('git', ['show', `${hash}:${relPath}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      if (text.includes('Not implemented')) return text;
    } catch {
      // the file did not exist at that commit under this path
    }
  }
  return undefined;
}

export interface ResetResult {
  backup: string | undefined;
  unchanged: boolean;
}

/** Backs up the learner's file under .interleave/backups, then writes the stub. */
export function resetExercise(root: string, lesson: Lesson, exercise: Exercise, now = new Date()): ResetResult {
  const stub = pristineStub(root, exercise.exerciseFile);
  if (stub === undefined) {
    throw new Error(
      `cannot find the original stub of ${path.relative(root, exercise.exerciseFile)} in git history; ` +
        'nothing was changed. (reset needs the repository cloned with git.)',
    );
  }
  const current = existsSync(exercise.exerciseFile) ? readFileSync(exercise.exerciseFile, 'utf8') : undefined;
  if (current === stub) return { backup: undefined, unchanged: true };
  let backup: string | undefined;
  if (current !== undefined) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    backup = path.join(root, '.interleave', 'backups', `${lesson.id}-${lesson.slug}`, `${exercise.name}.${stamp}.ts`);
    mkdirSync(path.dirname(backup), { recursive: true });
    copyFileSync(exercise.exerciseFile, backup);
  }
  writeFileSync(exercise.exerciseFile, stub);
  return { backup, unchanged: false };
}
