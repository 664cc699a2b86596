// @ts-check
// The one vitest config every lesson shares. Tests import "#impl/NN-name"; the plugin
// below resolves it by the rule in impl.js (exercise, solution, or a known-wrong answer).
// It is a plugin rather than package.json "imports" conditions so one process can run
// every exercise of a lesson with a different known-wrong answer swapped in for each.
// Plain JavaScript: the runner's warm vitest server loads it without a TypeScript loader.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { IMPL_PREFIX, implFile, implMode } from './impl.js';

/** @param {string} root @param {string} mode */
export function implResolver(root, mode) {
  // Read once, when the config is built: the environment of this run.
  const env = { ...process.env };
  return {
    name: 'interleave:impl',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} id */
    resolveId(id) {
      if (!id.startsWith(IMPL_PREFIX)) return null;
      return implFile(root, id, { env, mode });
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
      pool: /** @type {const} */ ('forks'),
      // `vitest --mode solution` must reach implFile() in worker threads and child
      // processes the tests start too: they read the mode from the environment.
      env: { INTERLEAVE_IMPL: implMode(process.env, mode) },
      setupFiles: process.env.INTERLEAVE_LOG_FILE ? [fileURLToPath(new URL('./capture-console.js', import.meta.url))] : [],
      // The learner's console.log is theirs: never swallow it.
      silent: false,
      printConsoleTrace: false,
    },
  };
}

export default defineConfig(({ mode }) => lessonConfig(process.cwd(), mode));
