// Issue 11, items 1–9 (and the paths of item 10): nothing escapes, nothing misleads.
// Each test failed on main (665f8ab) before the fix: run it against another checkout's
// scripts with INTERLEAVE_SCRIPTS=/path/to/scripts to see.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { $ } from 'zx/core';
import { Session, fixtureRoot, lesson, processesIn, processesRunning, removeRoot, scriptsDir, untilNone } from './helpers.ts';

let root: string;
const dir = (): string => path.join(root, 'lessons', '00-sample');
const exercise = (name: string): string => path.join(dir(), 'exercises', `${name}.ts`);
const stub = (): string => readFileSync(path.join(dir(), 'solutions', '01-add.ts'), 'utf8').replace(/return [^;]*;/, "throw new Error('Not implemented: add');");
const state = (): string => path.join(root, '.interleave');

beforeAll(async () => {
  root = await fixtureRoot('runner');
  // A long limit for 01-add, so a hang outlives a signal, and a type error cannot hide behind the watchdog.
  const manifest = path.join(dir(), 'lesson.json');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"timeoutMs": 2500 },\n    { "name": "02-later"', '"timeoutMs": 60000 },\n    { "name": "02-later"'));
});
afterAll(() => {
  removeRoot(root);
});
const restore = (): void => {
  rmSync(state(), { recursive: true, force: true });
  rmSync(exercise('01-add'), { recursive: true, force: true });
  writeFileSync(exercise('01-add'), `export function add(a: number, b: number): number {\n  // TODO: return the sum\n  throw new Error('Not implemented: add');\n}\n`);
};

describe('item 1: every way out of --once ends every process it started', () => {
  const SPIN = (mark: string): string =>
    `import { writeFileSync } from 'node:fs';\nexport function add(a: number, b: number): number {\n  writeFileSync(${JSON.stringify(mark)}, 'spinning');\n  while (true) {}\n  return a + b;\n}\n`;

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    // Cannot be caught: the server sees its runner vanish and ends its group and its tag.
    ['SIGKILL', null],
  ] as const)('%s while a test spins: exit %s, and nothing of the run is left', async (signal, code) => {
    const mark = path.join(root, `spinning-${signal}`);
    writeFileSync(exercise('01-add'), SPIN(mark));
    const s = new Session(root, ['0', 'add', '--once']);
    try {
      await untilNone(() => (existsSync(mark) ? [] : ['waiting']), 60_000);
      expect(existsSync(mark)).toBe(true);
      s.child.kill(signal);
      expect(await s.exited()).toBe(code);
      expect(await untilNone(() => processesIn(root), 5000)).toEqual([]);
    } finally {
      s.kill();
      restore();
    }
  });
});

test('an uncaught error in the runner ends what it started too', async () => {
  const mark = path.join(root, 'spinning-crash');
  writeFileSync(
    exercise('01-add'),
    `import { writeFileSync } from 'node:fs';\nexport function add(a: number, b: number): number {\n  writeFileSync(${JSON.stringify(mark)}, 'spinning');\n  while (true) {}\n  return a + b;\n}\n`,
  );
  try {
    const r = await $({ cwd: root, nothrow: true, quiet: true, timeout: 120_000 })`${process.execPath} --import tsx/esm ${path.join(scriptsDir, 'test', 'support', 'crash-during-run.ts')} ${dir()} ${mark}`;
    expect(r.stderr).toContain('a bug in the runner');
    expect(r.exitCode).toBe(1);
    expect(await untilNone(() => processesIn(root), 5000)).toEqual([]);
  } finally {
    restore();
  }
});

describe('item 2: a detached child of an exercise cannot outlive the run', () => {
  test('spawn(sleep, { detached: true }).unref() is ended with the run', async () => {
    const marker = `1000.${process.pid}`;
    writeFileSync(
      exercise('01-add'),
      `import { spawn } from 'node:child_process';\nexport function add(a: number, b: number): number {\n  spawn('sleep', ['${marker}'], { detached: true, stdio: 'ignore' }).unref();\n  return a + b;\n}\n`,
    );
    try {
      const r = await lesson(root, ['0', 'add', '--once']);
      expect(r.stdout).toContain('1 passed, 0 failed');
      expect(await untilNone(() => processesRunning(`sleep ${marker}`), 3000)).toEqual([]);
      expect(processesIn(root)).toEqual([]);
    } finally {
      restore();
    }
  });
});

describe('item 3: out of memory is not "did not finish"', () => {
  test('an exercise that allocates without end: "ran out of memory", with the heap limit', async () => {
    writeFileSync(exercise('01-add'), `export function add(a: number, b: number): number {\n  const xs: number[][] = [];\n  for (;;) xs.push(new Array(1e5).fill(a + b));\n}\n`);
    try {
      const r = await lesson(root, ['0', 'add', '--once'], { env: { INTERLEAVE_HEAP_MB: '64' } });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('ran out of memory');
      expect(r.stdout).toContain('64 MB');
      expect(r.stdout).not.toContain('did not finish');
    } finally {
      restore();
    }
  });
});

describe('item 4: a deleted exercise', () => {
  test('the list names the problem, running says how to fix it, and reset restores the file', async () => {
    rmSync(exercise('01-add'));
    try {
      const list = await lesson(root, []);
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(/00\s+sample/);
      expect(list.stdout).toContain('lessons/00-sample/exercises/01-add.ts is missing — pnpm lesson 0 reset 1 restores it');
      const run = await lesson(root, ['0', '--once']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('pnpm lesson 0 reset 1');
      const r = await lesson(root, ['0', 'reset', '1']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('(it was missing)');
      expect(readFileSync(exercise('01-add'), 'utf8')).toContain('Not implemented: add');
    } finally {
      restore();
    }
  });
});

describe('item 5: progress.json is checked against its schema', () => {
  test.each([
    ['{"version":1,"exercises":null}', '"exercises" must be an object'],
    ['{"version":1,"exercises":{"00-sample/01-add":{"done":false,"hints":"many"}}}', 'hints must be a whole number'],
    ['{"version":1,"exercises":{"00-sample/01-add":{"done":false,"hints":-5}}}', 'hints must be a whole number'],
    ['{"version":1,"exercises":{"00-sample/01-add":{"done":false,"hints":1.5}}}', 'hints must be a whole number'],
    ['{"version":1,"exercises":{"00-sample/01-add":{"done":"yes","hints":0}}}', 'done must be true or false'],
  ])('%s: set aside with the field named, and the learner goes on', async (content, problem) => {
    mkdirSync(state(), { recursive: true });
    writeFileSync(path.join(state(), 'progress.json'), content);
    try {
      const r = await lesson(root, ['0', 'hint', 'add']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Hint 1/2');
      expect(r.stderr).toContain(problem);
      expect(r.stderr).toContain('set aside');
      expect(readdirSync(state()).some((f) => f.startsWith('progress.json.invalid-'))).toBe(true);
      const list = await lesson(root, []);
      expect(list.stdout).toMatch(/00\s+sample\s+.*0\/2/);
    } finally {
      restore();
    }
  });
});

describe('item 6: a .interleave that cannot be written', () => {
  test('--once still shows the results and says what could not be saved; reset changes nothing', async () => {
    writeFileSync(state(), 'not a folder');
    writeFileSync(exercise('01-add'), readFileSync(path.join(dir(), 'solutions', '01-add.ts')));
    try {
      const r = await lesson(root, ['0', 'add', '--once']);
      expect(r.stdout).toContain('1 passed, 0 failed');
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/could not save your progress to \.interleave\/progress\.json: (ENOTDIR|EEXIST)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const before = readFileSync(exercise('01-add'), 'utf8');
      const reset = await lesson(root, ['0', 'reset', 'add']);
      expect(reset.status).toBe(1);
      expect(reset.stderr).toContain('Nothing was changed');
      expect(readFileSync(exercise('01-add'), 'utf8')).toBe(before);
    } finally {
      rmSync(state(), { force: true });
      restore();
    }
  });
});

describe('item 7: console output is capped', () => {
  test('5000 lines: the first ones, then "… N more lines, see FILE", and the file has them all', async () => {
    writeFileSync(exercise('01-add'), `export function add(a: number, b: number): number {\n  for (let i = 0; i < 5000; i++) console.log('line', i);\n  return a * b;\n}\n`);
    try {
      const r = await lesson(root, ['0', 'add', '--once']);
      expect(r.status).toBe(1);
      const more = /… (\d+) more lines, see (\S+)/.exec(r.stdout);
      expect(more?.[1]).toBe('4960');
      expect(r.stdout.length).toBeLessThan(20_000);
      const full = readFileSync(path.join(root, more![2]!), 'utf8');
      expect(full.split('\n').filter(Boolean)).toHaveLength(5000);
    } finally {
      restore();
    }
  });
});

describe("item 8: '' names and a folder in place of a file", () => {
  test.each([[['']], [['0', '']], [['0', 'hint', '']]])('%j exits 2 naming the empty name', async (args) => {
    const r = await lesson(root, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('an empty name');
  });

  test('a folder where exercises/01-add.ts should be is named as such', async () => {
    rmSync(exercise('01-add'));
    mkdirSync(exercise('01-add'));
    try {
      const r = await lesson(root, []);
      expect(r.stdout).toContain('exercises/01-add.ts is a folder, not a file');
      expect(r.stdout).not.toMatch(/\s\/exercises\//);
    } finally {
      restore();
    }
  });
});

describe('item 9: a type error does not wait for the watchdog', () => {
  test('a type error and a hang: "does not compile" long before the 60 s limit', async () => {
    writeFileSync(exercise('01-add'), `export function add(a: number, b: number): number {\n  const s: string = a;\n  while (true) {}\n}\n`);
    try {
      const r = await lesson(root, ['0', 'add', '--once'], { timeoutMs: 59_000 });
      expect(r.stdout).toContain('does not compile');
      expect(r.status).toBe(1);
      expect(r.ms).toBeLessThan(30_000);
      expect(await untilNone(() => processesIn(root), 3000)).toEqual([]);
    } finally {
      restore();
    }
  });
});

describe('item 10: paths and the list in watch mode', () => {
  test('the last hint points to the solution with its lessons/NN-… prefix', async () => {
    await lesson(root, ['0', 'hint', 'add']);
    const r = await lesson(root, ['0', 'hint', 'add']);
    expect(r.stdout).toContain('lessons/00-sample/solutions/01-add.ts');
    restore();
  });

  test('watch: "no more hints" names the full solution path, and the list does not stay on later screens', async () => {
    const s = new Session(root, ['0', 'add']);
    try {
      await s.waitFor(/a test failed/, 60_000);
      s.mark();
      s.press('l');
      await s.waitFor(/› 1\. 01-add/);
      s.mark();
      s.press('hhh');
      const after = await s.waitFor(/No more hints\. Compare with the reference: lessons\/00-sample\/solutions\/01-add\.ts/);
      expect(after.split('─'.repeat(60)).at(-1)).not.toContain('1. 01-add');
      s.press('q');
      expect(await s.exited()).toBe(0);
    } finally {
      s.kill();
      restore();
    }
  });
});
