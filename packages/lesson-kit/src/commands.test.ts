import { describe, expect, test } from 'vitest';
import { MissingCommandError, findCommand, missingCommandLine, run } from './commands.ts';

describe('commands', () => {
  test('a missing program gets one line naming it and how to install it', async () => {
    expect(missingCommandLine('python3')).toBe(
      'python3 is not installed (not found on PATH): install it with `sudo apt-get install python3` (Debian/Ubuntu) or `brew install python` (macOS).',
    );
    const env = { ...process.env, PATH: '/nonexistent' };
    expect(findCommand('python3', env)).toBeUndefined();
    const error = await run('python3', ['-V'], { env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingCommandError);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });

  test('run() passes arguments as they are and reports the exit code', async () => {
    const out = await run(process.execPath, ['-e', 'console.log(process.argv[1]); process.exit(3)', 'two words; $HOME']);
    expect(out.stdout).toBe('two words; $HOME\n');
    expect(out.exitCode).toBe(3);
  });
});
