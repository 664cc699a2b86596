// Learner progress: a git-ignored JSON file keyed by lesson slug and exercise name —
// never by position, so adding or reordering exercises keeps everyone's progress.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Exercise, Lesson } from './lessons.ts';

export interface ExerciseState {
  done: boolean;
  /** How many hints the learner has seen. */
  hints: number;
  updatedAt?: string;
}

interface StateFile {
  version: 1;
  exercises: Record<string, ExerciseState>;
}

export class Progress {
  readonly file: string;
  #data: StateFile;

  constructor(root: string) {
    this.file = path.join(root, '.interleave', 'progress.json');
    this.#data = { version: 1, exercises: {} };
    if (existsSync(this.file)) {
      try {
        const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as StateFile;
        if (parsed && typeof parsed.exercises === 'object') this.#data = parsed;
      } catch {
        // A corrupt state file must not stop a learner: keep a copy and start afresh.
        renameSync(this.file, `${this.file}.corrupt-${Date.now()}`);
      }
    }
  }

  static key(lesson: Lesson, exercise: Exercise): string {
    return `${lesson.id}-${lesson.slug}/${exercise.name}`;
  }

  get(lesson: Lesson, exercise: Exercise): ExerciseState {
    return this.#data.exercises[Progress.key(lesson, exercise)] ?? { done: false, hints: 0 };
  }

  update(lesson: Lesson, exercise: Exercise, change: Partial<ExerciseState>): ExerciseState {
    const next = { ...this.get(lesson, exercise), ...change, updatedAt: new Date().toISOString() };
    this.#data.exercises[Progress.key(lesson, exercise)] = next;
    this.#save();
    return next;
  }

  doneCount(lesson: Lesson): number {
    return lesson.exercises.filter((e) => this.get(lesson, e).done).length;
  }

  /** The first exercise not done yet, or the last one when all are done. */
  current(lesson: Lesson): Exercise | undefined {
    return lesson.exercises.find((e) => !this.get(lesson, e).done) ?? lesson.exercises.at(-1);
  }

  #save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.#data, null, 2)}\n`);
    renameSync(tmp, this.file);
  }
}
