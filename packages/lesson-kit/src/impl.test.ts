import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { IMPL_IMPORTS, implFile, implMode } from './impl.js';

const lesson = mkdtempSync(path.join(tmpdir(), 'lesson-kit-impl-'));
for (const file of ['exercises/01-add.ts', 'solutions/01-add.ts', 'wrong/01-add.flaw.ts']) {
  mkdirSync(path.dirname(path.join(lesson, file)), { recursive: true });
  writeFileSync(path.join(lesson, file), 'export {};\n');
}
afterAll(() => rmSync(lesson, { recursive: true, force: true }));

describe('the #impl rule', () => {
  test('exercise by default, solution by INTERLEAVE_IMPL or --mode, an override above both', () => {
    expect(implFile(lesson, '#impl/01-add', { env: {} })).toBe(path.join(lesson, 'exercises/01-add.ts'));
    expect(implFile(lesson, '01-add', { env: { INTERLEAVE_IMPL: 'solution' } })).toBe(path.join(lesson, 'solutions/01-add.ts'));
    expect(implFile(new URL(`file://${lesson}/`), '01-add.ts', { env: {}, mode: 'solution' })).toBe(path.join(lesson, 'solutions/01-add.ts'));
    const env = { INTERLEAVE_IMPL: 'solution', INTERLEAVE_OVERRIDES: '{"01-add":"wrong/01-add.flaw.ts"}' };
    expect(implFile(lesson, '01-add', { env })).toBe(path.join(lesson, 'wrong/01-add.flaw.ts'));
    expect(implMode({}, 'solution')).toBe('solution');
  });

  test('a missing file, a bad name or bad overrides get a clear error', () => {
    expect(() => implFile(lesson, '02-nothing', { env: {} })).toThrow('#impl/02-nothing: no file at exercises/02-nothing.ts (mode exercise)');
    expect(() => implFile(lesson, 'add', { env: {} })).toThrow('expected an exercise name like "01-add", got "add"');
    expect(() => implFile(lesson, '01-add', { env: { INTERLEAVE_OVERRIDES: '[' } })).toThrow('INTERLEAVE_OVERRIDES must be a JSON object');
  });

  test('the package.json imports it asks of every lesson agree with the rule', () => {
    expect(IMPL_IMPORTS).toEqual({ '#impl/*': { solution: './solutions/*.ts', default: './exercises/*.ts' } });
  });
});
