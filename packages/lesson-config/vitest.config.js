// The one vitest config every lesson shares. Tests import "#impl/NN-name"; this plugin
// decides which file that is:
//   INTERLEAVE_IMPL=exercise (default)  -> exercises/NN-name.ts   (what the learner edits)
//   INTERLEAVE_IMPL=solution            -> solutions/NN-name.ts   (also: vitest --mode solution)
//   INTERLEAVE_OVERRIDES='{"NN-name":"wrong/NN-name.flaw.ts"}'    -> that file, for check-lessons
// It is a plugin rather than package.json "imports" conditions so one process can run
// every exercise of a lesson with a different known-wrong answer swapped in for each.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** @param {string} root @param {string} mode */
export function implResolver(root, mode) {
  const overrides = JSON.parse(process.env.INTERLEAVE_OVERRIDES || '{}');
  const impl = mode === 'solution' ? 'solution' : process.env.INTERLEAVE_IMPL || 'exercise';
  const dir = impl === 'solution' ? 'solutions' : 'exercises';
  return {
    name: 'interleave:impl',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} id */
    resolveId(id) {
      if (!id.startsWith('#impl/')) return null;
      const name = id.slice('#impl/'.length).replace(/\.ts$/, '');
      const file = overrides[name] ? path.resolve(root, overrides[name]) : path.join(root, dir, `${name}.ts`);
      if (!existsSync(file)) {
        throw new Error(`#impl/${name}: no file at ${path.relative(root, file)} (mode ${impl})`);
      }
      return file;
    },
  };
}

/**
 * The whole config for a lesson folder. The runner passes it inline (no config file to
 * bundle at start-up); vitest.config.ts in each lesson uses it through the default export.
 * @param {string} root @param {string} mode
 */
export function lessonConfig(root, mode) {
  return {
    root,
    plugins: [implResolver(root, mode)],
    test: {
      include: ['tests/**/*.test.ts'],
      // A promise that never settles is reported as "did not finish" by the runner;
      // this is the in-test limit, the runner's wall-clock watchdog is the outer one.
      testTimeout: Number(process.env.INTERLEAVE_TEST_TIMEOUT_MS || 5000),
      hookTimeout: Number(process.env.INTERLEAVE_TEST_TIMEOUT_MS || 5000),
      pool: 'forks',
      setupFiles: process.env.INTERLEAVE_LOG_FILE ? [fileURLToPath(new URL('./capture-console.js', import.meta.url))] : [],
      // The learner's console.log is theirs: never swallow it.
      silent: false,
      printConsoleTrace: false,
    },
  };
}

export default defineConfig(({ mode }) => lessonConfig(process.cwd(), mode));
