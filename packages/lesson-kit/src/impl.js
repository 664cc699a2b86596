// @ts-check
// THE rule for "which file is the answer under test". A lesson's tests import
// `#impl/NN-name`; this module alone decides what that name means:
//
//   INTERLEAVE_OVERRIDES='{"NN-name":"wrong/NN-name.flaw.ts"}'  -> that file (check-lessons)
//   INTERLEAVE_IMPL=solution  (also: vitest --mode solution)     -> solutions/NN-name.ts
//   otherwise                                                    -> exercises/NN-name.ts
//
// The vitest plugin (vitest.js) uses it for imports in the test process; worker-thread and
// child-process tests use `implFile()` to hand the same file to the code they start; and
// each lesson's package.json "imports" must equal `IMPL_IMPORTS` (check-lessons checks it),
// so the type-checker and a plain `tsx --conditions=solution` agree with the tests.
//
// Plain JavaScript on purpose: the runner's warm vitest server loads it without a
// TypeScript loader (see scripts/lib/test-server.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The specifier prefix tests import the answer under test by. */
export const IMPL_PREFIX = '#impl/';

/** What every lesson's package.json "imports" field must be, exactly. */
export const IMPL_IMPORTS = Object.freeze({
  '#impl/*': Object.freeze({ solution: './solutions/*.ts', default: './exercises/*.ts' }),
});

/**
 * Which implementations this run tests.
 * @param {NodeJS.ProcessEnv} [env] @param {string} [viteMode] vitest's --mode, if known
 * @returns {'exercise' | 'solution'}
 */
export function implMode(env = process.env, viteMode) {
  return viteMode === 'solution' || env.INTERLEAVE_IMPL === 'solution' ? 'solution' : 'exercise';
}

/**
 * The known-wrong answers swapped in for this run: exercise name -> file relative to the lesson.
 * @param {NodeJS.ProcessEnv} [env] @returns {Record<string, string>}
 */
export function implOverrides(env = process.env) {
  const raw = env.INTERLEAVE_OVERRIDES;
  if (!raw) return {};
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`INTERLEAVE_OVERRIDES must be a JSON object like {"01-add":"wrong/01-add.flaw.ts"}, got ${JSON.stringify(raw)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`INTERLEAVE_OVERRIDES must be a JSON object like {"01-add":"wrong/01-add.flaw.ts"}, got ${JSON.stringify(raw)}`);
  }
  return parsed;
}

/**
 * The absolute path of the implementation of exercise `name` that this run tests.
 * Throws, naming the file it expected, when there is none.
 * @param {string | URL} lessonDir the lesson folder (a path or a file: URL)
 * @param {string} name the exercise, "NN-name" (a leading "#impl/" and a trailing ".ts" are allowed)
 * @param {{ env?: NodeJS.ProcessEnv, mode?: string }} [options] `mode`: vitest's --mode
 * @returns {string}
 */
export function implFile(lessonDir, name, options = {}) {
  const root = lessonDir instanceof URL ? fileURLToPath(lessonDir) : lessonDir;
  const env = options.env ?? process.env;
  const bare = name.replace(/^#impl\//, '').replace(/\.ts$/, '');
  if (!/^\d{2}-[a-z0-9-]+$/.test(bare)) throw new Error(`implFile: expected an exercise name like "01-add", got ${JSON.stringify(name)}`);
  const override = implOverrides(env)[bare];
  const mode = implMode(env, options.mode);
  const file = override ? path.resolve(root, override) : path.join(root, mode === 'solution' ? 'solutions' : 'exercises', `${bare}.ts`);
  if (!existsSync(file)) throw new Error(`#impl/${bare}: no file at ${path.relative(root, file) || file} (mode ${override ? 'override' : mode})`);
  return file;
}
