import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Session, fixtureRoot, lesson, processesIn, removeRoot } from './helpers.ts';

let root: string;
const dir = (): string => path.join(root, 'lessons', '00-sample');
const solve = (name: string): void => copyFileSync(path.join(dir(), 'solutions', `${name}.ts`), path.join(dir(), 'exercises', `${name}.ts`));
const edit = (name: string, text: string): void => writeFileSync(path.join(dir(), 'exercises', `${name}.ts`), text);
const HANG = `export function add(a: number, b: number): number {\n  console.log('about to loop', a, b);\n  while (true) {}\n}\n`;

beforeAll(async () => {
  root = await fixtureRoot('runner');
});
afterAll(() => {
  removeRoot(root);
});

describe('pnpm lesson (list and identifiers)', () => {
  test('lists lessons with progress and says what is next', async () => {
    const r = await lesson(root, []);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/00\s+sample\s+.*0\/2/);
    expect(r.stdout).toContain('Next: pnpm lesson 0');
  });

  test.each([['99'], ['nope']])('an unknown lesson "%s" exits 2 and lists the lessons', async (id) => {
    const r = await lesson(root, [id]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`there is no lesson "${id}"`);
    expect(r.stdout).toMatch(/00\s+sample/);
  });

  test('--json lists machine-readable progress', async () => {
    const r = await lesson(root, ['--json']);
    expect(JSON.parse(r.stdout).lessons[0]).toMatchObject({ id: '00', slug: 'sample', done: 0, total: 2 });
  });
});

describe('pnpm lesson N --once', () => {
  test('exits 1 on the untouched stubs and names the first failing exercise', async () => {
    const r = await lesson(root, ['0', '--once']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('First to fix: 01-add');
    expect(r.stdout).toContain('Not implemented: add');
    expect(r.stdout).toContain('0 passed, 2 failed');
  });

  test('accepts 00 and the slug, and runs one exercise by name', async () => {
    expect((await lesson(root, ['00', '--once'])).status).toBe(1);
    const r = await lesson(root, ['sample', 'later', '--once']);
    expect(r.stdout).toContain('02-later');
    expect(r.stdout).not.toContain('01-add');
  });

  test('--solution --once exits 0', async () => {
    const r = await lesson(root, ['0', '--solution', '--once']);
    expect(r.stdout).toContain('2 passed, 0 failed');
    expect(r.status).toBe(0);
  });

  test('a type error is reported as "does not compile" with the line', async () => {
    edit('01-add', `export function add(a: number, b: number): number {\n  const sum: string = a + b;\n  return sum;\n}\n`);
    const r = await lesson(root, ['0', 'add', '--once']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('does not compile');
    expect(r.stdout).toMatch(/01-add\.ts:2:\d+/);
    expect(r.stdout).toContain("Type 'number' is not assignable to type 'string'");
  });

  test('a failed assertion shows expected and received, and the learner\'s console output', async () => {
    edit('01-add', `export function add(a: number, b: number): number {\n  console.log('adding', a, b);\n  return a * b;\n}\n`);
    const r = await lesson(root, ['0', 'add', '--once']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('a test failed');
    expect(r.stdout).toMatch(/- Expected[\s\S]*\+ Received[\s\S]*- 5[\s\S]*\+ 6/);
    expect(r.stdout).toContain('adding 2 3');
  });

  test('while (true) ends within the limit plus 3 s as "did not finish", leaving no process', async () => {
    edit('01-add', HANG);
    const r = await lesson(root, ['0', '--once']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('did not finish');
    expect(r.stdout).toContain('infinite loop');
    expect(r.stdout).toContain('about to loop 2 3');
    // Only that it ends: how fast (the limit plus 3 s) is measured in
    // scripts/bench/runner-speed.ts, never asserted here — on a busy 2-core machine a fresh
    // vitest for the next file alone can take 20 s.
    expect(r.ms).toBeLessThan(60_000);
    expect(processesIn(root)).toEqual([]);
  });

  test('a promise that never resolves is reported as "did not finish" too', async () => {
    solve('01-add');
    writeFileSync(path.join(dir(), 'exercises', '02-later.ts'), `export function later(_v: string): Promise<string> {\n  return new Promise(() => {});\n}\n`);
    const r = await lesson(root, ['0', 'later', '--once']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('did not finish');
  });

  test('with the solutions copied over the exercises it exits 0 and records progress', async () => {
    solve('01-add');
    solve('02-later');
    const r = await lesson(root, ['0', '--once']);
    expect(r.stdout).toContain('2 passed, 0 failed');
    expect(r.status).toBe(0);
    const progress = JSON.parse(readFileSync(path.join(root, '.interleave', 'progress.json'), 'utf8'));
    expect(progress.exercises['00-sample/01-add'].done).toBe(true);
  });
});

describe('hint and reset', () => {
  test('hint prints one more hint each time', async () => {
    expect((await lesson(root, ['0', 'hint', 'add'])).stdout).toContain('Hint 1/2');
    const second = (await lesson(root, ['0', 'hint', 'add'])).stdout;
    expect(second).toContain('Hint 2/2');
    expect(second).toContain('return a + b;');
  });

  test('reset backs up the learner\'s version, names the backup, and restores the stub', async () => {
    edit('01-add', '// my precious work\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n');
    const r = await lesson(root, ['0', 'reset', 'add']);
    expect(r.status).toBe(0);
    const backup = /saved first: (\S+)/.exec(r.stdout)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(path.join(root, backup!), 'utf8')).toContain('my precious work');
    expect(readFileSync(path.join(dir(), 'exercises', '01-add.ts'), 'utf8')).toContain('Not implemented: add');
  });

  test('reset of an exercise that is already the stub changes nothing', async () => {
    expect((await lesson(root, ['0', 'reset', 'add'])).stdout).toContain('already the original stub');
  });
});

describe('a malformed lesson.json', () => {
  test('is reported with the file and the field, exit 2', async () => {
    const manifest = path.join(dir(), 'lesson.json');
    const good = readFileSync(manifest, 'utf8');
    try {
      writeFileSync(manifest, good.replace('"title": "Add two numbers", ', ''));
      const r = await lesson(root, ['0', '--once']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/lesson\.json: field "exercises\[0\]\.title"/);
      writeFileSync(manifest, good.replace('"02-later"', '"02-missing"'));
      // The list shows the broken lesson with its problem named (issue 11, item 4).
      expect((await lesson(root, [])).stdout).toMatch(/✗ 00\s+sample\s+does not load: .*exercises\[1\]\.name.*does not exist/);
      writeFileSync(manifest, '{ "title": ');
      expect((await lesson(root, [])).stdout).toContain('not valid JSON');
    } finally {
      writeFileSync(manifest, good);
    }
  });
});

describe('watch mode (piped keys, files edited on disk)', () => {
  test('goes green on save, shows hints, moves on, survives a hang, and quits cleanly', async () => {
    await lesson(root, ['0', 'reset', 'add']);
    await lesson(root, ['0', 'reset', 'later']);
    const s = new Session(root, ['0', 'add']);
    try {
      // The first result waits for vitest to start, which takes long on a busy machine.
      await s.waitFor(/a test failed/, 60_000);
      s.mark();
      s.press('n');
      await s.waitFor(/n moves on once this exercise passes/);

      s.mark();
      solve('01-add');
      await s.waitFor(/all 1 tests of 01-add pass/);

      s.mark();
      s.press('h');
      await s.waitFor(/Use the \+ operator\./);

      s.mark();
      s.press('n');
      await s.waitFor(/Exercise 2\/2[\s\S]*a test failed/);

      s.mark();
      writeFileSync(path.join(dir(), 'exercises', '02-later.ts'), `export async function later(v: string): Promise<string> {\n  while (true) {}\n}\n`);
      await s.waitFor(/did not finish/, 60_000);

      s.mark();
      solve('02-later');
      await s.waitFor(/all 1 tests of 02-later pass/, 60_000);

      s.press('q');
      expect(await s.exited()).toBe(0);
      expect(processesIn(root)).toEqual([]);
    } finally {
      s.kill();
    }
  });

  test('an editor that saves by rename is seen', async () => {
    await lesson(root, ['0', 'reset', 'add']);
    const s = new Session(root, ['0', 'add']);
    try {
      await s.waitFor(/a test failed/, 60_000);
      s.mark();
      const target = path.join(dir(), 'exercises', '01-add.ts');
      const tmp = `${target}.swp`;
      writeFileSync(tmp, readFileSync(path.join(dir(), 'solutions', '01-add.ts')));
      const { renameSync } = await import('node:fs');
      renameSync(tmp, target);
      await s.waitFor(/all 1 tests of 01-add pass/);
      s.press('q');
      expect(await s.exited()).toBe(0);
    } finally {
      s.kill();
    }
  });

  test('--poll watches by polling and says so', async () => {
    await lesson(root, ['0', 'reset', 'add']);
    const s = new Session(root, ['0', 'add', '--poll']);
    try {
      await s.waitFor(/Watching by polling/, 60_000);
      s.mark();
      solve('01-add');
      await s.waitFor(/all 1 tests of 01-add pass/);
      s.press('q');
      expect(await s.exited()).toBe(0);
      expect(existsSync(path.join(dir(), '.interleave-probe'))).toBe(false);
    } finally {
      s.kill();
    }
  });
});

describe('pnpm lesson new (maintainers)', () => {
  test('creates a lesson, then an exercise that passes check-lessons as generated', async () => {
    const made = await lesson(root, ['new', '07-streams']);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('lessons/07-streams/lesson.json');
    const ex = await lesson(root, ['new', '07-streams', 'back-pressure']);
    expect(ex.status).toBe(0);
    expect(ex.stdout).toContain('01-back-pressure');
    const manifest = JSON.parse(readFileSync(path.join(root, 'lessons', '07-streams', 'lesson.json'), 'utf8'));
    expect(manifest.exercises[0]).toMatchObject({ name: '01-back-pressure' });
    expect((await lesson(root, ['new', '07-streams', 'back-pressure'])).stderr).toContain('has an exercise "back-pressure" already');
    expect((await lesson(root, ['new', 'streams'])).stderr).toContain('expected a lesson folder name like "07-streams"');
    const { checkLessons } = await import('./helpers.ts');
    const checked = await checkLessons([path.join(root, 'lessons', '07-streams')]);
    expect(checked.stdout).toContain('every promise holds');
    expect(checked.status).toBe(0);
  });
});
