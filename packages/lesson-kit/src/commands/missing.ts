// A program the project needs is not installed: say so in one line, with how to install
// it — never a stack trace.
import { which } from 'zx';

/** How to install the programs lessons, checks and tests run. */
const INSTALL: Readonly<Record<string, { apt: string; brew: string }>> = {
  python3: { apt: 'sudo apt-get install python3', brew: 'brew install python' },
  git: { apt: 'sudo apt-get install git', brew: 'brew install git' },
  'redis-server': { apt: 'sudo apt-get install redis-server', brew: 'brew install redis' },
  chromium: { apt: 'sudo apt-get install chromium', brew: 'brew install --cask chromium' },
};

/**
 * The one line that says `command` is missing and how to install it.
 *
 * @example
 * ```ts
 * import { missingCommandLine } from '@interleave/lesson-kit/commands';
 *
 * missingCommandLine('redis-server');
 * // 'redis-server is not installed (not found on PATH): install it with `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS).'
 * ```
 */
export function missingCommandLine(command: string): string {
  const how = INSTALL[command];
  const install = how ? `install it with \`${how.apt}\` (Debian/Ubuntu) or \`${how.brew}\` (macOS)` : `install it with your package manager (apt-get, brew)`;
  return `${command} is not installed (not found on PATH): ${install}.`;
}

/** Thrown by {@link requireCommand} and `run()`; its message is {@link missingCommandLine}. */
export class MissingCommandError extends Error {
  override name = 'MissingCommandError';
  readonly command: string;
  constructor(command: string) {
    super(missingCommandLine(command));
    this.command = command;
  }
}

/** The full path of `command` on PATH, or undefined. */
export function findCommand(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = which.sync(command, { nothrow: true, path: env['PATH'] ?? '' });
  return typeof found === 'string' ? found : undefined;
}

/** Returns the full path of `command`, or throws a {@link MissingCommandError}. */
export function requireCommand(command: string, env: NodeJS.ProcessEnv = process.env): string {
  const found = findCommand(command, env);
  if (!found) throw new MissingCommandError(command);
  return found;
}

/**
 * For a script's top level: runs `main`; if it throws a {@link MissingCommandError},
 * prints its one line on stderr and exits with code 1 instead of a stack trace.
 */
export async function exitIfMissing<T>(main: () => T | Promise<T>): Promise<T> {
  try {
    return await main();
  } catch (error) {
    if (error instanceof MissingCommandError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
