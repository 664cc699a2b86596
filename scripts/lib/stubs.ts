// `pnpm lesson N reset`: put the stub back, after keeping the learner's version.
// The stub is the newest committed version of the exercise file that still throws
// "Not implemented" — so it works whether or not the learner has committed their work,
// and also when the learner deleted the file.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findCommand, missingCommandLine } from '@interleave/lesson-kit/commands';
import { $ } from 'zx/core';
import type { Exercise, Lesson } from './lessons.ts';
import { reason } from './state.ts';
import { NOT_IMPLEMENTED } from './verdict.ts';

const git = (root: string) => $({ cwd: root, quiet: true, nothrow: true, timeout: '20s' });

async function pristineStub(root: string, file: string): Promise<string | undefined> {
  const relPath = path.relative(root, file).split(path.sep).join('/');
  const log = await git(root)`git log --format=%H -- ${relPath}`;
  if (!log.ok) return undefined;
  for (const hash of log.stdout.split('\n').filter(Boolean)) {
    // A commit where the file did not exist under this path fails; the next one may not.
    const shown = await git(root)`git show ${`${hash}:${relPath}`}`;
    if (shown.ok && NOT_IMPLEMENTED.test(shown.stdout)) return shown.stdout;
  }
  return undefined;
}

export interface ResetResult {
  backup: string | undefined;
  unchanged: boolean;
  /** The file was gone (deleted, or never there) and has been restored. */
  restored: boolean;
}

/**
 * Backs up the learner's file under .interleave/backups, runs `beforeWrite` (which saves
 * the state the reset needs, and throws if it cannot), and only then writes the stub: the
 * learner's file is never replaced before everything it depends on is on disk.
 */
export async function resetExercise(
  root: string,
  lesson: Lesson,
  exercise: Exercise,
  beforeWrite: () => void = () => {},
  now = new Date(),
): Promise<ResetResult> {
  const relFile = path.relative(root, exercise.exerciseFile);
  if (existsSync(exercise.exerciseFile) && !statSync(exercise.exerciseFile).isFile()) {
    throw new Error(`${relFile} is a folder, not a file; move it away and run reset again. Nothing was changed.`);
  }
  if (!findCommand('git')) throw new Error(`${missingCommandLine('git')} reset takes the stub from git history; nothing was changed.`);
  const stub = await pristineStub(root, exercise.exerciseFile);
  if (stub === undefined) {
    throw new Error(`cannot find the original stub of ${relFile} in git history; nothing was changed. (reset needs the repository cloned with git.)`);
  }
  const current = existsSync(exercise.exerciseFile) ? readFileSync(exercise.exerciseFile, 'utf8') : undefined;
  if (current === stub) return { backup: undefined, unchanged: true, restored: false };
  let backup: string | undefined;
  if (current !== undefined) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    backup = path.join(root, '.interleave', 'backups', `${lesson.id}-${lesson.slug}`, `${exercise.name}.${stamp}.ts`);
    try {
      mkdirSync(path.dirname(backup), { recursive: true });
      copyFileSync(exercise.exerciseFile, backup);
    } catch (error) {
      throw new Error(`could not back up ${relFile} to ${path.relative(root, backup)}: ${reason(error)}. Nothing was changed.`);
    }
  }
  beforeWrite();
  mkdirSync(path.dirname(exercise.exerciseFile), { recursive: true });
  writeFileSync(exercise.exerciseFile, stub);
  return { backup, unchanged: false, restored: current === undefined };
}
