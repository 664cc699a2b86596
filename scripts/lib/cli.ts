// What every `pnpm lesson` command shares: the usage text, the options, how an error
// ends the run, and how text reaches the terminal (wrapped at word boundaries on a TTY).
import { c } from './report.ts';
import { wrap } from './screen.ts';

export const USAGE = `Usage: pnpm lesson [lesson] [exercise | hint | reset | demo] [options]

  pnpm lesson                     list lessons with your progress, and what is next
  pnpm lesson 3                   watch mode on lesson 3: edit, save, see the tests
  pnpm lesson 3 2 | 3 mutex       the same, starting at exercise 2 / the one named "mutex"
  pnpm lesson 3 --once            run every exercise once; exit 0 if all pass, 1 if not
  pnpm lesson 3 --solution        run the tests against the reference solutions
  pnpm lesson 3 hint [exercise]   print the next hint of the current exercise
  pnpm lesson 3 reset [exercise]  put the stub back (your version is backed up first)
  pnpm lesson 3 demo [name]       run the lesson's demos
  pnpm lesson new 07-slug [name]  (maintainers) add a lesson, or an exercise to one

Options: --once  --solution  --json  --poll (watch by polling)  --help
Lessons can be named by number (3, 03) or by name (threads).`;

export interface Flags {
  once: boolean;
  solution: boolean;
  json: boolean;
  poll: boolean;
  help: boolean;
}

export function parse(argv: string[]): { flags: Flags; args: string[] } {
  const flags: Flags = { once: false, solution: false, json: false, poll: false, help: false };
  const args: string[] = [];
  for (const arg of argv) {
    if (arg === '--') continue;
    else if (arg === '--once') flags.once = true;
    else if (arg === '--solution') flags.solution = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--poll') flags.poll = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`, 2, true);
    else if (arg.trim() === '') fail('an empty name was given; name a lesson by number (3) or by name (threads)', 2, true);
    else args.push(arg);
  }
  return { flags, args };
}

export function fail(message: string, code: number, usage = false): never {
  console.error(`${c.red('error:')} ${message}`);
  if (usage) console.error(`\n${USAGE}`);
  process.exit(code);
}

export function warn(message: string): void {
  console.error(`${c.yellow('warning:')} ${message}`);
}

/** The terminal's size, or 80×24 (the smallest screen we design for) when it has none. */
export function terminalSize(): { rows: number; columns: number } {
  return { rows: Math.max(24, process.stdout.rows || 24), columns: Math.max(40, process.stdout.columns || 80) };
}

/** Prints text, wrapped at word boundaries when stdout is a terminal. */
export function say(text = ''): void {
  if (process.stdout.isTTY) process.stdout.write(`${wrap(text, terminalSize().columns).join('\n')}\n`);
  else process.stdout.write(`${text}\n`);
}
