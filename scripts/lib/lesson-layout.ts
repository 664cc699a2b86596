// The fixed folder roles of a lesson (packages/lesson-kit/README.md, "The folders of a
// lesson"), checked: every file and folder of a lesson has one of these roles, and anything
// else is reported by name — so a new helper lands in tests/support/ or lib/, not in a
// fourth convention. Also: package.json "imports" is the kit's #impl rule, exactly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { IMPL_IMPORTS } from '@interleave/lesson-kit/impl';

/** One thing out of place: the path relative to the lesson, and what the roles say. */
export interface LayoutProblem {
  path: string;
  detail: string;
}

/** The files at the top of a lesson. */
export const TOP_FILES = ['package.json', 'lesson.json', 'README.md', 'tsconfig.json', 'vitest.config.ts'] as const;
/** The folders at the top of a lesson, and what each holds. */
export const FOLDER_ROLES = {
  exercises: 'exercises/NN-name.ts, one per exercise in lesson.json',
  solutions: 'solutions/NN-name.ts, one per exercise in lesson.json',
  wrong: 'wrong/NN-name.<flaw>.ts, known-wrong answers of an exercise in lesson.json',
  tests: 'tests/NN-name.test.ts per exercise, and tests/support/** for everything else the tests need',
  demos: 'demos/NN-name.ts runnable demos and their Python companions demos/*.py; shared code goes to lib/',
  lib: 'lib/**, lesson code shared by demos and tests',
  traces: 'traces/*.json, recorded traces for the site',
} as const;
/** Made by tools, ignored by git: never reported. */
const TOOL_OUTPUT = new Set(['node_modules', '.turbo', '.readme-check', '.interleave-probe']);

const DEMO = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/;
const FLAW = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks the folder roles of the lesson in `dir` whose lesson.json lists `exercises`. */
export function checkLayout(dir: string, exercises: readonly string[]): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const names = new Set(exercises);
  const out = (rel: string, detail: string): void => void problems.push({ path: rel, detail });
  const entries = (rel: string) => readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const onlyFiles = (folder: keyof typeof FOLDER_ROLES, fits: (file: string) => string | undefined): void => {
    for (const e of entries(folder)) {
      const rel = `${folder}/${e.name}${e.isDirectory() ? '/' : ''}`;
      const why = e.isDirectory() ? `a folder inside ${folder}/` : fits(e.name);
      if (why) out(rel, `${why}; ${FOLDER_ROLES[folder]}`);
    }
  };
  const exerciseFile = (file: string, suffix: string): string | undefined => {
    if (!file.endsWith(suffix)) return `not a ${suffix} file`;
    const name = file.slice(0, -suffix.length);
    return names.has(name) ? undefined : `"${name}" is not an exercise in lesson.json`;
  };

  for (const e of entries('.')) {
    if (TOOL_OUTPUT.has(e.name)) continue;
    if (e.isFile() && (TOP_FILES as readonly string[]).includes(e.name)) continue;
    if (e.isDirectory() && e.name in FOLDER_ROLES) continue;
    out(e.isDirectory() ? `${e.name}/` : e.name, `unexpected ${e.isDirectory() ? 'folder' : 'file'}: a lesson holds only ${TOP_FILES.join(', ')} and the folders ${Object.keys(FOLDER_ROLES).join('/, ')}/`);
  }
  const has = (folder: string): boolean => existsSync(path.join(dir, folder));
  if (has('exercises')) onlyFiles('exercises', (f) => exerciseFile(f, '.ts'));
  if (has('solutions')) onlyFiles('solutions', (f) => exerciseFile(f, '.ts'));
  if (has('wrong')) {
    onlyFiles('wrong', (f) => {
      const m = /^(\d{2}-[a-z0-9-]+?)\.([^.]+)\.ts$/.exec(f);
      if (!m || !FLAW.test(m[2]!)) return 'not named NN-name.<flaw>.ts';
      return names.has(m[1]!) ? undefined : `"${m[1]}" is not an exercise in lesson.json`;
    });
  }
  if (has('tests')) {
    for (const e of entries('tests')) {
      if (e.isDirectory() && e.name === 'support') continue;
      const rel = `tests/${e.name}${e.isDirectory() ? '/' : ''}`;
      const why = e.isDirectory() ? 'a folder other than tests/support/' : exerciseFile(e.name, '.test.ts');
      if (why) out(rel, `${why}; ${FOLDER_ROLES.tests}`);
    }
  }
  if (has('demos')) onlyFiles('demos', (f) => (DEMO.test(f) || f.endsWith('.py') ? undefined : 'not a runnable demo named NN-name.ts, nor a .py companion'));
  if (has('traces')) onlyFiles('traces', (f) => (f.endsWith('.json') ? undefined : 'not a .json trace'));

  const pkgFile = path.join(dir, 'package.json');
  if (existsSync(pkgFile)) {
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { imports?: unknown };
    if (!isDeepStrictEqual(pkg.imports, IMPL_IMPORTS)) {
      out('package.json', `"imports" must be the lesson kit's #impl rule, exactly ${JSON.stringify(IMPL_IMPORTS)} (IMPL_IMPORTS in @interleave/lesson-kit/impl), got ${JSON.stringify(pkg.imports)}`);
    }
  }
  return problems;
}
