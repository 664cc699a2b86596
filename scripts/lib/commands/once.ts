// `pnpm lesson N --once [--json]`: every exercise (or one) once; exit 0 if all pass, 1 if not.
import { say, warn } from '../cli.ts';
import type { Exercise, Lesson } from '../lessons.ts';
import { c, consoleSection, explain, label } from '../report.ts';
import { openRun, runExercises } from '../run.ts';
import type { Progress } from '../state.ts';
import { killAllServers, type Mode } from '../test-client.ts';
import { runJson } from './json.ts';
import { shown } from './paths.ts';

export async function once(lesson: Lesson, exercises: Exercise[], mode: Mode, progress: Progress, json: boolean): Promise<number> {
  const { server, checker } = openRun(lesson, mode);
  const results = await runExercises(server, checker, lesson, exercises);
  killAllServers();
  const failing = exercises.filter((e) => results.get(e.name)!.verdict.kind !== 'pass');
  if (mode === 'exercise') {
    for (const e of exercises) progress.update(lesson, e, { done: results.get(e.name)!.verdict.kind === 'pass' });
  }
  const code = failing.length === 0 ? 0 : 1;
  if (json) {
    console.log(runJson(lesson, mode, exercises, results, progress.warnings));
    return code;
  }
  say(`${c.bold(`Lesson ${lesson.id} · ${lesson.title}`)}${mode === 'solution' ? c.dim('  (against the reference solutions)') : ''}\n`);
  for (const e of exercises) say(`  ${label(results.get(e.name)!.verdict).padEnd(30)} ${e.name}  ${c.dim(e.title)}`);
  const first = failing[0];
  if (first) {
    const r = results.get(first.name)!;
    say(`\n${c.bold(`First to fix: ${first.name}`)} — ${shown(mode === 'solution' ? first.solutionFile : first.exerciseFile)}\n`);
    say(explain(r.verdict, lesson, first));
    const logs = consoleSection(r.logs);
    if (logs) say(`\n${logs}`);
    say(`\nWork on it with ${c.cyan(`pnpm lesson ${lesson.number} ${first.name.slice(3)}`)}`);
  }
  say(`\n${exercises.length - failing.length} passed, ${failing.length} failed`);
  for (const w of progress.warnings) warn(w);
  return code;
}
