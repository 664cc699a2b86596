// Loaded by vitest in every test worker when the runner sets INTERLEAVE_LOG_FILE.
// The learner's console output is written to that file synchronously, line by line, so
// it survives even when the watchdog kills a worker stuck in `while (true) {}` — vitest's
// own console capture buffers output and would lose exactly the lines that explain a hang.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';
import { expect } from 'vitest';

const logFile = process.env.INTERLEAVE_LOG_FILE;
if (logFile) {
  for (const [method, stream] of /** @type {const} */ ([
    ['log', 'stdout'],
    ['info', 'stdout'],
    ['debug', 'stdout'],
    ['warn', 'stderr'],
    ['error', 'stderr'],
  ])) {
    console[method] = (/** @type {unknown[]} */ ...args) => {
      let file;
      try {
        file = expect.getState().testPath;
      } catch {
        file = undefined;
      }
      appendFileSync(logFile, `${JSON.stringify({ file, stream, content: `${format(...args)}\n` })}\n`);
    };
  }
}
