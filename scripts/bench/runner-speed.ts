/**
 * How fast the learner's loop is: `pnpm lesson N --once` wall time, and in watch mode the
 * time from saving a file to seeing its result. Medians of 5, on a copy of a lesson.
 *
 *   node --import tsx/esm scripts/bench/runner-speed.ts [lesson-folder]   (default 00-warmup)
 *
 * Targets (issue 2): --once under 3 s, save → result under 1 s, a hang reported within the
 * exercise's limit plus 3 s, on a 2-core machine.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx/core';
import { loadLesson, repoRoot } from '../lib/lessons.ts';
import { Session } from '../test/helpers.ts';

const RUNS = 5;
const folder = process.argv[2] ?? '00-warmup';
const lesson = loadLesson(path.join(repoRoot, 'lessons', folder));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** `pnpm lesson …` exactly as a learner types it; its exit code (1 when an exercise fails) is expected. */
const pnpmLesson = (args: string[]) => $({ cwd: repoRoot, quiet: true, nothrow: true, timeout: '120s' })`pnpm --silent lesson ${args}`;

// 1. --once, through pnpm exactly as a learner types it.
const once: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  await pnpmLesson([String(lesson.number), '--once']);
  once.push(performance.now() - started);
}

// 2. Watch mode: save the solution, then the stub back, and time each result.
const exercise = lesson.exercises[0]!;
const original = readFileSync(exercise.exerciseFile, 'utf8');
const session = new Session(repoRoot, [String(lesson.number), exercise.name]);
const saves: number[] = [];
try {
  await session.waitFor(/a test failed|passing|did not finish|does not compile/, 30_000);
  for (let i = 0; i < RUNS * 2; i++) {
    session.mark();
    const started = performance.now();
    const solve = i % 2 === 0;
    if (solve) copyFileSync(exercise.solutionFile, exercise.exerciseFile);
    else writeFileSync(exercise.exerciseFile, original);
    await session.waitFor(solve ? /all \d+ tests of .* pass/ : /a test failed/, 30_000);
    saves.push(performance.now() - started);
  }
  session.press('q');
  await session.exited();
} finally {
  writeFileSync(exercise.exerciseFile, original);
  session.kill();
}

// 3. A hang: `while (true) {}` in the first exercise, --once, from start to exit.
const hang: number[] = [];
try {
  writeFileSync(exercise.exerciseFile, original.replace(/throw new Error\([^)]*\);/, 'while (true) {}'));
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await pnpmLesson([String(lesson.number), exercise.name, '--once']);
    hang.push(performance.now() - started);
  }
} finally {
  writeFileSync(exercise.exerciseFile, original);
}

const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`runner speed on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, lesson ${folder}`);
console.log(`| measure | median of ${RUNS} | all runs | target |`);
console.log('|---|---|---|---|');
console.log(`| pnpm lesson ${lesson.number} --once (wall) | ${fmt(median(once))} | ${once.map(fmt).join(', ')} | < 3 s |`);
console.log(`| watch: save → result | ${fmt(median(saves))} | ${saves.map(fmt).join(', ')} | < 1 s |`);
console.log(`| --once on while (true) {} (limit ${fmt(exercise.timeoutMs)}) | ${fmt(median(hang))} | ${hang.map(fmt).join(', ')} | < limit + 3 s |`);
