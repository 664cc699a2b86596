// @ts-check
// A warm vitest for one lesson and one mode, driven over IPC by the runner
// (test-client.ts). It lives in its own process group so the runner's watchdog can kill
// it — and every test worker under it — when an exercise never finishes: vitest's own
// test timeout cannot interrupt a synchronous `while (true) {}`.
//
// Plain JavaScript on purpose: it starts on every `pnpm lesson`, and loading vitest
// through a TypeScript loader hook costs about 0.6 s more than loading it directly.
// The message shapes are in test-protocol.ts.
//
// Parent -> child: { type: 'run', id, files, invalidate }
// Child -> parent: ready | queued | file-end | log | run-end-errors | run-end | fatal
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lessonConfig } from '@interleave/lesson-kit/vitest';
import { createVitest } from 'vitest/node';

/** @typedef {import('./test-protocol.ts').ServerMessage} ServerMessage */
/** @typedef {import('./test-protocol.ts').ClientMessage} ClientMessage */
/** @typedef {import('./test-protocol.ts').TestErrorInfo} TestErrorInfo */
/** @typedef {import('./test-protocol.ts').FileResult} FileResult */

const lessonDir = process.env.INTERLEAVE_LESSON_DIR;
// Test workers get an explicit heap limit (inherited through NODE_OPTIONS), so an exercise
// that allocates without end fails quickly, and the runner can name the limit.
if (process.env.INTERLEAVE_HEAP_MB) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${process.env.INTERLEAVE_HEAP_MB}`.trim();
}
const mode = process.env.INTERLEAVE_IMPL === 'solution' ? 'solution' : 'exercise';
const send = process.send?.bind(process);
if (!lessonDir || !send) {
  console.error('test-server: start it through the runner (needs INTERLEAVE_LESSON_DIR and an IPC channel)');
  process.exit(2);
}

/** @param {ServerMessage} message */
function tell(message) {
  send?.(message);
}

/** @param {unknown} error @returns {TestErrorInfo} */
function toErrorInfo(error) {
  const e = /** @type {Record<string, unknown>} */ (error ?? {});
  const stacks = Array.isArray(e.stacks) ? /** @type {Array<Record<string, unknown>>} */ (e.stacks) : [];
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    stack: typeof e.stack === 'string' ? e.stack : undefined,
    diff: typeof e.diff === 'string' ? e.diff : undefined,
    frame: typeof e.frame === 'string' ? e.frame : undefined,
    locations: stacks
      .filter((s) => typeof s.file === 'string')
      .map((s) => ({ file: /** @type {string} */ (s.file), line: Number(s.line), column: Number(s.column) })),
  };
}

/** @param {import('vitest/node').TestModule} module @returns {FileResult} */
function summarize(module) {
  const tests = [...module.children.allTests()].map((test) => {
    const result = test.result();
    return {
      name: test.fullName,
      state: result.state,
      errors: (result.errors ?? []).map(toErrorInfo),
      durationMs: test.diagnostic()?.duration,
    };
  });
  return { file: module.moduleId, state: module.state(), tests, moduleErrors: module.errors().map(toErrorInfo) };
}

/** @type {import('vitest/node').Reporter} */
const reporter = {
  onTestModuleQueued(module) {
    tell({ type: 'queued', file: module.moduleId });
  },
  onTestModuleEnd(module) {
    tell({ type: 'file-end', result: summarize(module) });
  },
  onUserConsoleLog(log) {
    // Only reached when capture-console.js is not loaded (it writes straight to a file).
    tell({ type: 'log', file: undefined, stream: log.type, content: log.content });
  },
  onTestRunEnd(_modules, unhandledErrors) {
    tell({ type: 'run-end-errors', errors: unhandledErrors.map(toErrorInfo) });
  },
};

// The config is passed inline rather than loaded from the lesson's vitest.config.ts: the
// same object, without bundling a config file on every start.
const { test: testOptions, ...viteOptions } = lessonConfig(lessonDir, mode);
const vitest = await createVitest(
  'test',
  { ...testOptions, root: lessonDir, config: false, mode, watch: false, reporters: [reporter], silent: false },
  { ...viteOptions, server: { watch: null } },
);
await vitest.standalone();

let queue = Promise.resolve();
process.on('message', (/** @type {ClientMessage} */ message) => {
  if (message.type !== 'run') return;
  queue = queue.then(async () => {
    try {
      for (const file of message.invalidate ?? []) vitest.invalidateFile(file);
      await vitest.runTestFiles(message.files.map((f) => path.resolve(/** @type {string} */ (lessonDir), f)));
      tell({ type: 'run-end', id: message.id });
    } catch (error) {
      tell({ type: 'fatal', id: message.id, error: toErrorInfo(error) });
    }
  });
});

// The runner is gone (it kills this group on every way out it controls, so this is a
// SIGKILL or a crash): close, and if a spinning test worker keeps vitest from closing, end
// the whole group rather than live on as an orphan.
process.on('disconnect', () => {
  const force = setTimeout(() => {
    endTagged();
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(1);
    }
  }, 1000);
  void vitest.close().finally(() => {
    clearTimeout(force);
    process.exit(0);
  });
});

/** Kills every other process that carries this server's tag (see processes.ts): a detached child left the group. */
function endTagged() {
  const tag = process.env.INTERLEAVE_RUN_TAG;
  if (!tag) return;
  const needle = `INTERLEAVE_RUN_TAG=${tag}\0`;
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`${readFileSync(`/proc/${entry}/environ`, 'latin1')}\0`.includes(needle)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone, or not ours
    }
  }
}

tell({ type: 'ready' });
