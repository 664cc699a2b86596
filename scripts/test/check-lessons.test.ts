import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLessons, scriptsDir } from './helpers.ts';

const fixture = (name: string): string => path.join(scriptsDir, 'test', 'fixtures', 'check', 'lessons', name);

describe('check-lessons', () => {
  test('passes on a sound lesson', async () => {
    const r = await checkLessons([path.join(scriptsDir, 'test', 'fixtures', 'runner', 'lessons', '00-sample')]);
    expect(r.stdout).toContain('every promise holds');
    expect(r.status).toBe(0);
  });

  test('fails when a stub accidentally passes, naming the lesson, the exercise and the promise', async () => {
    const r = await checkLessons([fixture('01-stub-passes')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('01-stub-passes › 01-add: broken promise — the tests fail on the stub');
  });

  test('fails when a known-wrong answer passes', async () => {
    const r = await checkLessons([fixture('02-wrong-passes')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('02-wrong-passes › 01-add: broken promise — the tests reject every known-wrong answer');
    expect(r.stdout).toContain('wrong/01-add.actually-right.ts passes all the tests');
  });

  test('fails when an exercise has no hint, naming the file and the field', async () => {
    const r = await checkLessons([fixture('03-missing-hint')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/03-missing-hint\/lesson\.json: field "exercises\[1\]\.hints"/);
  });

  test('reports every file or folder outside the folder roles, by name', async () => {
    const r = await checkLessons([fixture('04-stray-files')]);
    expect(r.status).toBe(1);
    const promise = '04-stray-files: broken promise — every file has its folder role';
    expect(r.stdout).toContain(promise);
    expect(r.stdout).toContain('notes.txt: unexpected file: a lesson holds only package.json, lesson.json, README.md, tsconfig.json, vitest.config.ts and the folders');
    expect(r.stdout).toContain('demos/_helper.ts: not a runnable demo named NN-name.ts, nor a .py companion');
    expect(r.stdout).toContain('tests/fixtures/: a folder other than tests/support/');
    // Three strays, three problems — and nothing else is wrong with the lesson.
    expect(r.stdout.split(promise).length - 1).toBe(3);
    expect(r.stdout).toContain('3 broken promise(s)');
  });
});
