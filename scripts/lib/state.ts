// Learner progress: a git-ignored JSON file keyed by lesson slug and exercise name —
// never by position, so adding or reordering exercises keeps everyone's progress.
// The file is checked against a schema when it is read: a file with the wrong shape is
// kept aside (as a file that is not JSON is) and the learner starts afresh, told why.
// A state folder that cannot be written never stops a run: the results are still shown,
// and the learner is told what could not be saved.
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

type Check = (value: unknown, at: string) => string | undefined;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** The schema of progress.json, as checks that name the field and the value. */
const schema = {
  boolean: ((v, at) => (typeof v === 'boolean' ? undefined : `${at} must be true or false, not ${show(v)}`)) as Check,
  count: ((v, at) => (Number.isSafeInteger(v) && (v as number) >= 0 ? undefined : `${at} must be a whole number ≥ 0, not ${show(v)}`)) as Check,
  optionalString: ((v, at) => (v === undefined || typeof v === 'string' ? undefined : `${at} must be a string, not ${show(v)}`)) as Check,
};

/** Why `data` is not a valid progress file, or undefined when it is. */
function progressProblem(data: unknown): string | undefined {
  if (!isObject(data)) return `the file must hold a JSON object, not ${show(data)}`;
  if (data['version'] !== 1) return `"version" must be 1, not ${show(data['version'])}`;
  const exercises = data['exercises'];
  if (!isObject(exercises)) return `"exercises" must be an object, not ${show(exercises)}`;
  for (const [key, entry] of Object.entries(exercises)) {
    const at = `"exercises"."${key}"`;
    if (!isObject(entry)) return `${at} must be an object, not ${show(entry)}`;
    const problem =
      schema.boolean(entry['done'], `${at}.done`) ??
      schema.count(entry['hints'], `${at}.hints`) ??
      schema.optionalString(entry['updatedAt'], `${at}.updatedAt`);
    if (problem) return problem;
  }
  return undefined;
}

export class Progress {
  readonly file: string;
  #data: StateFile;
  /** What went wrong with the state file in this run, for the learner to read. */
  readonly warnings: string[] = [];

  constructor(root: string) {
    this.file = path.join(root, '.interleave', 'progress.json');
    this.#data = { version: 1, exercises: {} };
    if (!existsSync(this.file)) return;
    let problem: string | undefined;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      problem = progressProblem(parsed);
      if (!problem) this.#data = parsed as StateFile;
    } catch (error) {
      problem = `it is not valid JSON (${(error as Error).message})`;
    }
    if (problem) {
      // A damaged state file must not stop a learner: keep it aside and start afresh.
      const aside = `${this.file}.invalid-${Date.now()}`;
      try {
        renameSync(this.file, aside);
        this.warnings.push(`${path.basename(this.file)} was set aside as ${path.basename(aside)} and progress starts afresh: ${problem}`);
      } catch (error) {
        this.warnings.push(`${this.file} is not valid (${problem}) and could not be set aside: ${reason(error)}`);
      }
    }
  }

  static key(lesson: Lesson, exercise: Exercise): string {
    return `${lesson.id}-${lesson.slug}/${exercise.name}`;
  }

  get(lesson: Lesson, exercise: Exercise): ExerciseState {
    return this.#data.exercises[Progress.key(lesson, exercise)] ?? { done: false, hints: 0 };
  }

  /**
   * Records a change. Returns false (and keeps a warning) when the file could not be
   * written; the change still holds for the rest of this run.
   */
  update(lesson: Lesson, exercise: Exercise, change: Partial<ExerciseState>): boolean {
    const next = { ...this.get(lesson, exercise), ...change, updatedAt: new Date().toISOString() };
    this.#data.exercises[Progress.key(lesson, exercise)] = next;
    return this.#save();
  }

  doneCount(lesson: Lesson): number {
    return lesson.exercises.filter((e) => this.get(lesson, e).done).length;
  }

  /** The first exercise not done yet, or the last one when all are done. */
  current(lesson: Lesson): Exercise | undefined {
    return lesson.exercises.find((e) => !this.get(lesson, e).done) ?? lesson.exercises.at(-1);
  }

  #save(): boolean {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(this.#data, null, 2)}\n`);
      renameSync(tmp, this.file);
      return true;
    } catch (error) {
      const warning = `could not save your progress to ${path.relative(process.cwd(), this.file) || this.file}: ${reason(error)}`;
      if (!this.warnings.includes(warning)) this.warnings.push(warning);
      return false;
    }
  }
}

/** An error's code and message without its stack. */
export function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code} (${e.message.replace(/^\w+: /, '')})` : String(e?.message ?? error);
}
