import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SNIPPETS } from '../lib/node-snippets.ts';
import type { SnippetName } from '../lib/node-snippets.ts';
import { predict } from '#impl/11-predict-node';

const run = promisify(execFile);

async function actual(name: SnippetName): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', SNIPPETS[name]], { cwd: import.meta.dirname, timeout: 10_000 });
  return stdout.trim().split('\n');
}

describe('predict the output of Node\'s own loop', () => {
  for (const name of Object.keys(SNIPPETS) as SnippetName[]) {
    it(`${name}: the order you predicted is the order Node printed`, async () => {
      const predicted = predict()[name];
      expect(predicted, `predict().${name}`).toBeDefined();
      expect(predicted).toEqual(await actual(name));
    }, 15_000);
  }
});
