// Finds lessons on disk and reads their manifests. Everything that learners and
// maintainers touch goes through here, so a broken lesson.json fails in one place with a
// message that names the file and the field.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder that holds `lessons/`). */
export const repoRoot: string = process.env.INTERLEAVE_ROOT ? path.resolve(process.env.INTERLEAVE_ROOT) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The default wall-clock limit of one exercise's test run, in milliseconds. */
const DEFAULT_TIMEOUT_MS = 10_000;

export interface Exercise {
  /** `NN-kebab-name`, the key of progress and the stem of every file of the exercise. */
  name: string;
  title: string;
  hints: string[];
  timeoutMs: number;
  /** 1-based position in the lesson. */
  index: number;
  exerciseFile: string;
  solutionFile: string;
  testFile: string;
  /** Known-wrong answers: `wrong/NN-name.<flaw>.ts`. */
  wrongFiles: string[];
  /** Set (only when loaded with `missingExercises: 'allow'`) when exercises/NN-name.ts is gone. */
  missing?: boolean;
}

export interface LoadOptions {
  /**
   * 'allow': a deleted exercise file does not make the lesson fail to load (the runner can
   * then show the lesson and `reset` can restore the file); the exercise is marked `missing`.
   */
  missingExercises?: 'allow' | 'error';
}

interface Demo {
  name: string;
  file: string;
  /** The first line of the demo's leading doc comment. */
  description: string;
}

export interface Lesson {
  /** Two digits, as in the folder name: "03". */
  id: string;
  number: number;
  slug: string;
  dir: string;
  title: string;
  question: string;
  summary: string;
  readmePath: string;
  exercises: Exercise[];
  demos: Demo[];
}

/** A lesson folder or its manifest is not what the runner needs. */
export class LessonFormatError extends Error {
  override name = 'LessonFormatError';
  readonly file: string;
  readonly field: string | undefined;
  constructor(file: string, field: string | undefined, problem: string) {
    super(`${path.relative(process.cwd(), file) || file}${field ? `: field "${field}"` : ''}: ${problem}`);
    this.file = file;
    this.field = field;
  }
}

const LESSON_DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const EXERCISE_NAME = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * vitest's own per-test limit for a lesson: below the runner's wall-clock limit, so a
 * promise that never settles is reported by vitest (with the test's name) before the
 * watchdog has to kill anything.
 */
export function testTimeoutFor(lesson: Lesson): number {
  const shortest = Math.min(DEFAULT_TIMEOUT_MS, ...lesson.exercises.map((e) => e.timeoutMs));
  return Math.min(5000, Math.round(shortest * 0.8));
}

/** Every lesson under `root/lessons`, in course order. Throws on the first broken one. */
export function loadLessons(root: string = repoRoot): Lesson[] {
  const { lessons, errors } = loadLessonsLeniently(root, {});
  if (errors[0]) throw errors[0];
  return lessons;
}

/**
 * Every lesson that loads, and the errors of those that do not — so one lesson being
 * written (or broken by a bad merge) does not keep a learner out of all the others.
 */
export function loadLessonsLeniently(root: string = repoRoot, options: LoadOptions = { missingExercises: 'allow' }): { lessons: Lesson[]; errors: LessonFormatError[] } {
  const lessonsDir = path.join(root, 'lessons');
  const lessons: Lesson[] = [];
  const errors: LessonFormatError[] = [];
  if (!existsSync(lessonsDir)) return { lessons, errors };
  const folders = readdirSync(lessonsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && LESSON_DIR.test(entry.name));
  for (const entry of folders) {
    try {
      lessons.push(loadLesson(path.join(lessonsDir, entry.name), options));
    } catch (error) {
      if (!(error instanceof LessonFormatError)) throw error;
      errors.push(error);
    }
  }
  lessons.sort((a, b) => a.number - b.number);
  return { lessons, errors };
}

/** Reads and checks one lesson folder. Throws {@link LessonFormatError}. */
export function loadLesson(dir: string, options: LoadOptions = {}): Lesson {
  const folder = path.basename(dir);
  const match = LESSON_DIR.exec(folder);
  const manifestPath = path.join(dir, 'lesson.json');
  if (!match) {
    throw new LessonFormatError(dir, undefined, 'a lesson folder is named NN-slug, e.g. "03-threads"');
  }
  if (!existsSync(manifestPath)) {
    throw new LessonFormatError(manifestPath, undefined, 'missing: every lesson has a lesson.json');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new LessonFormatError(manifestPath, undefined, `not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(raw)) throw new LessonFormatError(manifestPath, undefined, 'must hold a JSON object');

  const text = (field: string): string => {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new LessonFormatError(manifestPath, field, `expected a non-empty string, got ${describe(value)}`);
    }
    return value;
  };
  const title = text('title');
  const question = text('question');
  const summary = text('summary');

  const list = raw['exercises'];
  if (!Array.isArray(list)) {
    throw new LessonFormatError(manifestPath, 'exercises', `expected an array, got ${describe(list)}`);
  }
  const seen = new Set<string>();
  const exercises = list.map((item: unknown, i: number): Exercise => {
    const at = `exercises[${i}]`;
    if (!isRecord(item)) throw new LessonFormatError(manifestPath, at, `expected an object, got ${describe(item)}`);
    const name = item['name'];
    if (typeof name !== 'string' || !EXERCISE_NAME.test(name)) {
      throw new LessonFormatError(manifestPath, `${at}.name`, `expected "NN-kebab-name", got ${describe(name)}`);
    }
    if (seen.has(name)) throw new LessonFormatError(manifestPath, `${at}.name`, `"${name}" is listed twice`);
    seen.add(name);
    const exTitle = item['title'];
    if (typeof exTitle !== 'string' || exTitle.trim() === '') {
      throw new LessonFormatError(manifestPath, `${at}.title`, `expected a non-empty string, got ${describe(exTitle)}`);
    }
    const hints = item['hints'];
    if (!Array.isArray(hints) || hints.length === 0 || !hints.every((h) => typeof h === 'string' && h.trim() !== '')) {
      throw new LessonFormatError(manifestPath, `${at}.hints`, `expected at least one non-empty string, got ${describe(hints)}`);
    }
    const timeout = item['timeoutMs'] ?? DEFAULT_TIMEOUT_MS;
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 100 || timeout > 600_000) {
      throw new LessonFormatError(manifestPath, `${at}.timeoutMs`, `expected milliseconds between 100 and 600000, got ${describe(timeout)}`);
    }
    const files = {
      exerciseFile: path.join(dir, 'exercises', `${name}.ts`),
      solutionFile: path.join(dir, 'solutions', `${name}.ts`),
      testFile: path.join(dir, 'tests', `${name}.test.ts`),
    };
    let missing = false;
    for (const [key, file] of Object.entries(files)) {
      if (!existsSync(file)) {
        if (key === 'exerciseFile' && options.missingExercises === 'allow') {
          missing = true;
          continue;
        }
        throw new LessonFormatError(manifestPath, `${at}.name`, `"${name}" is listed but ${path.relative(dir, file)} does not exist (${key})`);
      }
      if (!statSync(file).isFile()) {
        throw new LessonFormatError(manifestPath, `${at}.name`, `"${name}" is listed but ${path.relative(dir, file)} is a folder, not a file (${key})`);
      }
    }
    const wrongDir = path.join(dir, 'wrong');
    const wrongFiles = existsSync(wrongDir)
      ? readdirSync(wrongDir)
          .filter((f) => f.startsWith(`${name}.`) && f.endsWith('.ts'))
          .sort()
          .map((f) => path.join(wrongDir, f))
      : [];
    return { name, title: exTitle, hints: hints as string[], timeoutMs: timeout, index: i + 1, ...files, wrongFiles, ...(missing ? { missing } : {}) };
  });

  return {
    id: match[1]!,
    number: Number(match[1]),
    slug: match[2]!,
    dir,
    title,
    question,
    summary,
    readmePath: path.join(dir, 'README.md'),
    exercises,
    demos: loadDemos(path.join(dir, 'demos')),
  };
}

function loadDemos(demoDir: string): Demo[] {
  if (!existsSync(demoDir)) return [];
  return readdirSync(demoDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
    .sort()
    .map((f) => {
      const file = path.join(demoDir, f);
      const doc = /\/\*\*\s*\n?\s*\*?\s*([^\n]*)/.exec(readFileSync(file, 'utf8'));
      return { name: f.replace(/\.ts$/, ''), file, description: doc?.[1]?.replace(/\*\/\s*$/, '').trim() ?? '' };
    });
}

/**
 * Finds a lesson by what a learner types: "3", "03", "threads" or "03-threads".
 * Returns undefined when nothing matches.
 */
export function findLesson(lessons: Lesson[], query: string): Lesson | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  if (/^\d+$/.test(q)) return lessons.find((l) => l.number === Number(q));
  return lessons.find((l) => l.slug === q || `${l.id}-${l.slug}` === q) ?? lessons.find((l) => l.slug.startsWith(q));
}

/** Finds an exercise by number ("2", "02") or name ("mutex", "02-mutex"). */
export function findExercise(lesson: Lesson, query: string): Exercise | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  if (/^\d+$/.test(q)) return lesson.exercises.find((e) => e.index === Number(q) || Number(e.name.slice(0, 2)) === Number(q));
  return (
    lesson.exercises.find((e) => e.name === q || e.name.slice(3) === q) ??
    lesson.exercises.find((e) => e.name.slice(3).startsWith(q) || e.name.slice(3).includes(q))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
