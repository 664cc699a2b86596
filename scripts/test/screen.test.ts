// Issue 11, item 10: the screen at 80×24 — word wrapping, the header kept, failures shown
// at the learner's code. Pure functions, no process.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Exercise, Lesson } from '../lib/lessons.ts';
import { explain } from '../lib/report.ts';
import { layout, width, wrapLine } from '../lib/screen.ts';

describe('wrapLine', () => {
  test('breaks at word boundaries, never inside a word', () => {
    const line = 'That usually means one of: an infinite loop — a while or for whose condition never becomes false, so the thread never gets back to the event loop';
    const lines = wrapLine(line, 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(80);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(line);
    for (const l of lines.slice(0, -1)) expect(line).toContain(`${l.trim()} `);
  });

  test('keeps a bullet line indented under its text', () => {
    const lines = wrapLine(`  • ${'word '.repeat(30).trim()}`, 40);
    expect(lines[1]).toMatch(/^ {4}word/);
  });

  test('ignores colour codes when measuring', () => {
    expect(width('\x1b[31mred\x1b[39m')).toBe(3);
  });
});

describe('layout at 80×24', () => {
  const header = ['Lesson 03 · Threads', 'Exercise 1/5: A shared counter (01-counter)', 'Edit lessons/03-threads/exercises/01-counter.ts and save', ''];
  const footer = ['', 'h hint (3/3) · n next · l list · r re-run · q quit'];

  test('a long verdict plus three hints: header and footer stay, it fits 24 rows, and says what it left out', () => {
    const verdict = Array.from({ length: 40 }, (_, i) => `line ${i} of the failure`).join('\n');
    const hints = ['Hints', '  1. first hint', '  2. second hint', '  3. third hint'].join('\n');
    const lines = layout({ header, body: [{ text: verdict, keep: 6 }, { text: hints, keep: 4 }], footer }, 24, 80);
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.slice(0, 3)).toEqual(header.slice(0, 3));
    expect(lines.at(-1)).toBe(footer[1]);
    expect(lines).toContain('  3. third hint');
    expect(lines.some((l) => /… \d+ lines not shown/.test(l))).toBe(true);
  });

  test('a screen that fits is shown whole', () => {
    const lines = layout({ header, body: [{ text: 'short' }], footer }, 24, 80);
    expect(lines).toEqual([...header, 'short', ...footer]);
  });
});

describe('the code frame of a failure', () => {
  test('points into the learner\'s file, not a test support file', () => {
    const dir = path.join(path.sep, 'repo', 'lessons', '03-threads');
    const lesson = { id: '03', number: 3, slug: 'threads', dir } as Lesson;
    const exercise = {
      name: '01-counter',
      exerciseFile: path.join(dir, 'exercises', '01-counter.ts'),
      solutionFile: path.join(dir, 'solutions', '01-counter.ts'),
      testFile: path.join(dir, 'tests', '01-counter.test.ts'),
    } as Exercise;
    const text = explain(
      {
        kind: 'fail',
        reasons: ['assertion'],
        extra: [],
        result: {
          file: exercise.testFile,
          state: 'failed',
          moduleErrors: [],
          tests: [
            {
              name: 'counts every increment',
              state: 'failed',
              errors: [
                {
                  name: 'AssertionError',
                  message: 'lost updates: after 2 threads × 100000 increments the counter says 131072, expected 200000',
                  locations: [
                    { file: path.join(dir, 'tests', 'support', 'run-threads.ts'), line: 10, column: 3 },
                    { file: exercise.exerciseFile, line: 4, column: 5 },
                  ],
                },
              ],
            },
          ],
        },
      },
      lesson,
      exercise,
    );
    expect(text).toContain('exercises/01-counter.ts:4:5');
    expect(text).not.toContain('support/run-threads.ts');
    expect(text).toContain('the counter says 131072, expected 200000');
  });
});

describe('code frames', () => {
  test('are cut at the width, not wrapped, so the caret stays under its column', () => {
    const line = `    > 23 |   ${'x'.repeat(100)}`;
    const lines = wrapLine(line, 80);
    expect(lines).toHaveLength(1);
    expect(width(lines[0]!)).toBe(80);
    expect(lines[0]!.endsWith('…')).toBe(true);
  });
});

describe('layout when the kept parts alone overflow', () => {
  test('the header still stays, and the sections with the lowest priority give way', () => {
    const header = ['Lesson 03 · Threads: sharing memory, races, locks and atomics', 'Exercise 1/6', 'Edit lessons/03-threads/exercises/01-atomic-counter.ts and save', ''];
    const list = Array.from({ length: 6 }, (_, i) => `  ${i + 1}. exercise`).join('\n');
    const verdict = Array.from({ length: 20 }, (_, i) => `verdict line ${i}`).join('\n');
    const hints = ['Hints', ...Array.from({ length: 6 }, (_, i) => `  ${i + 1}. hint line`)].join('\n');
    const lines = layout(
      { header, body: [{ text: list, keep: 6, priority: 3 }, { text: verdict, keep: 5, priority: 2 }, { text: hints, keep: 7, priority: 1 }], footer: ['', 'keys'] },
      24,
      80,
    );
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.slice(0, 3)).toEqual(header.slice(0, 3));
    expect(lines).toContain('  6. hint line');
    expect(lines.at(-1)).toBe('keys');
  });
});
