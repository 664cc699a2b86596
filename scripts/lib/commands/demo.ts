// `pnpm lesson N demo [name]`: runs the lesson's demos, their output straight to the terminal.
import { spawnSync } from 'node:child_process';
import { fail, say } from '../cli.ts';
import type { Lesson } from '../lessons.ts';
import { c } from '../report.ts';

export function demo(lesson: Lesson, name: string | undefined): void {
  if (lesson.demos.length === 0) fail(`lesson ${lesson.id} has no demos`, 2);
  const chosen = name === undefined ? lesson.demos : lesson.demos.filter((d) => d.name === name || d.name.includes(name));
  if (chosen.length === 0) {
    fail(`lesson ${lesson.id} has no demo "${name}". Its demos:\n${lesson.demos.map((d) => `  ${d.name.padEnd(24)} ${d.description}`).join('\n')}`, 2);
  }
  for (const d of chosen) {
    say(`\n${c.bold(`▶ ${d.name}`)}  ${c.dim(d.description)}\n`);
    // Interactive and inherited stdio, no output to read: not a case for zx (scripts/README.md).
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx/esm'), d.file], { cwd: lesson.dir, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}
