// The machine-readable shapes of `pnpm lesson --json` and `pnpm lesson N --once --json`.
import type { Exercise, Lesson } from '../lessons.ts';
import type { Checked } from '../run.ts';
import type { Progress } from '../state.ts';
import type { Mode } from '../test-client.ts';

export function lessonsJson(lessons: Lesson[], broken: Array<{ folder: string; problem: string }>, progress: Progress): string {
  const data = lessons.map((l) => ({
    id: l.id,
    slug: l.slug,
    title: l.title,
    done: progress.doneCount(l),
    total: l.exercises.length,
    exercises: l.exercises.map((e) => ({ name: e.name, title: e.title, done: progress.get(l, e).done, ...(e.missing ? { missing: true } : {}) })),
  }));
  return JSON.stringify({ lessons: data, ...(broken.length > 0 ? { broken } : {}) }, null, 2);
}

export function runJson(lesson: Lesson, mode: Mode, exercises: Exercise[], results: Map<string, Checked>, warnings: string[]): string {
  const failed = exercises.filter((e) => results.get(e.name)!.verdict.kind !== 'pass').length;
  return JSON.stringify(
    {
      lesson: `${lesson.id}-${lesson.slug}`,
      mode,
      passed: exercises.length - failed,
      failed,
      exercises: exercises.map((e) => ({ name: e.name, title: e.title, status: results.get(e.name)!.verdict.kind })),
      ...(warnings.length > 0 ? { warnings } : {}),
    },
    null,
    2,
  );
}
