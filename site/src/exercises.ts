/**
 * Exercise blocks, generated from lesson.json and the files — never from the README:
 * the exact command, the file to edit, the stub, what the tests check, hints revealed one
 * at a time (nested `<details>`, so it works without JavaScript) and the solution behind
 * a spoiler.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Exercise, Lesson } from '@interleave/scripts/lessons';
import { escapeHtml } from './escape.ts';
import { codeBlock, uniqueId, type Heading } from './markdown.ts';
import { renderInline } from './inline.ts';

/**
 * The command that opens this exercise in watch mode, as a learner types it.
 *
 * @example
 * ```ts
 * import { exerciseCommand } from './exercises.ts';
 * exerciseCommand(3, '02-mutex'); // 'pnpm lesson 3 mutex'
 * ```
 */
export function exerciseCommand(lessonNumber: number, exerciseName: string): string {
  return `pnpm lesson ${lessonNumber} ${exerciseName.replace(/^\d+-/, '')}`;
}

/** The names of the tests in a test file (`it('…')` / `test('…')`), in order. */
export function testNames(source: string): string[] {
  const names: string[] = [];
  const pattern = /\b(?:it|test)(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const m of source.matchAll(pattern)) names.push(m[2]!.replace(/\\(.)/g, '$1'));
  return names;
}

/** The "Exercises" section of a lesson page, and its headings in order. */
export function renderExercises(lesson: Lesson, root: string, usedIds: Set<string>): { html: string; headings: Heading[] } {
  const headings: Heading[] = [];
  if (lesson.exercises.length === 0) return { html: '', headings };
  const sectionId = uniqueId('exercises', usedIds);
  headings.push({ id: sectionId, text: 'Exercises', level: 2 });
  let html = `<section class="exercises" aria-labelledby="${sectionId}">\n<h2 id="${sectionId}">Exercises</h2>\n`;
  html += `<p>Run each from the repository's root: the command opens watch mode on that exercise, and the tests run every time you save the file.</p>\n`;
  for (const exercise of lesson.exercises) html += renderExercise(lesson, exercise, root, usedIds, headings);
  return { html: `${html}</section>\n`, headings };
}

function renderExercise(lesson: Lesson, exercise: Exercise, root: string, usedIds: Set<string>, headings: Heading[]): string {
  const id = uniqueId(`exercise-${exercise.name}`, usedIds);
  const title = `${exercise.index}. ${exercise.title}`;
  headings.push({ id, text: title, level: 3 });
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const stub = readFileSync(exercise.exerciseFile, 'utf8');
  const solution = readFileSync(exercise.solutionFile, 'utf8');
  const tests = testNames(readFileSync(exercise.testFile, 'utf8'));
  const command = exerciseCommand(lesson.number, exercise.name);

  let html = `<article class="exercise" aria-labelledby="${id}">\n<h3 id="${id}">${escapeHtml(title)}</h3>\n`;
  html += `<p class="exercise-meta">Run <code class="cmd">${escapeHtml(command)}</code> and edit <code>${escapeHtml(rel(exercise.exerciseFile))}</code>.</p>\n`;
  html += `<p class="label">The stub</p>\n${codeBlock(stub, 'ts')}`;
  if (tests.length > 0) {
    html += `<details class="tests"><summary>What the tests check (${tests.length})</summary>\n<ul>\n`;
    for (const name of tests) html += `<li>${escapeHtml(name)}</li>\n`;
    html += `</ul>\n<p>Source: <code>${escapeHtml(rel(exercise.testFile))}</code></p>\n</details>\n`;
  }
  // Each hint opens the next: a reader sees one more hint per click, with or without JS.
  let hints = '';
  for (let i = exercise.hints.length - 1; i >= 0; i--) {
    const more = i === exercise.hints.length - 1 ? '' : hints;
    hints = `<details class="hint"><summary>${i === 0 ? 'Hint' : 'Another hint'} (${i + 1} of ${exercise.hints.length})</summary>\n<div class="hint-body"><p>${renderInline(exercise.hints[i]!)}</p>\n${more}</div></details>\n`;
  }
  html += `<div class="hints">\n${hints}</div>\n`;
  html += `<details class="solution"><summary>Show the solution (spoiler)</summary>\n<p>From <code>${escapeHtml(rel(exercise.solutionFile))}</code>; check it with <code class="cmd">pnpm lesson ${lesson.number} --solution --once</code>.</p>\n${codeBlock(solution, 'ts')}</details>\n`;
  return `${html}</article>\n`;
}
