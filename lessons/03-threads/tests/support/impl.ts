// Which file is "the answer under test"? Tests import `#impl/NN-name` in the test process,
// where the lesson's vitest plugin resolves it. A worker thread does not go through that
// plugin, so the tests hand each worker the same file's path, chosen by the same rules
// (see packages/lesson-config/vitest.config.js): an override from INTERLEAVE_OVERRIDES,
// else solutions/ in solution mode, else exercises/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LESSON = fileURLToPath(new URL('../../', import.meta.url));

/** The absolute path of the implementation of exercise `name` that this run tests. */
export function implFile(name: string): string {
  const overrides = JSON.parse(process.env.INTERLEAVE_OVERRIDES || '{}') as Record<string, string>;
  const mode = (import.meta as unknown as { env?: { MODE?: string } }).env?.MODE;
  const solution = mode === 'solution' || process.env.INTERLEAVE_IMPL === 'solution';
  const override = overrides[name];
  const file = override ? path.resolve(LESSON, override) : path.join(LESSON, solution ? 'solutions' : 'exercises', `${name}.ts`);
  if (!existsSync(file)) throw new Error(`implFile: no file for exercise ${name} at ${file}`);
  return file;
}
