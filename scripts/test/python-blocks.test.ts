import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkPythonBlocks, findPython, parsePythonBlocks } from '../lib/python-blocks.ts';

const fence = '```';

describe('parsePythonBlocks', () => {
  test('reads the claims of the info string and the expected output after the block', () => {
    const md = [`${fence}python output`, 'print(1)', fence, '', `${fence}text`, '1', fence, `${fence}python tries=5 stdout=/lost [1-9]/`, 'pass', fence, `${fence}python expect-error=ZeroDivisionError`, '1/0', fence, `${fence}ts`, 'x', fence].join('\n');
    const { blocks, problems } = parsePythonBlocks(md);
    expect(problems).toEqual([]);
    expect(blocks.map((b) => b.line)).toEqual([1, 8, 11]);
    expect(blocks[0]!.claims.output).toBe(true);
    expect(blocks[0]!.expected).toBe('1\n');
    expect(blocks[1]!.claims.tries).toBe(5);
    expect(blocks[1]!.claims.stdout?.test('lost 3 of 10')).toBe(true);
    expect(blocks[2]!.claims.expectError).toBe('ZeroDivisionError');
  });

  test('rejects a misspelt claim, so a typo cannot switch a check off', () => {
    const { problems } = parsePythonBlocks(`${fence}python outptu\nprint(1)\n${fence}\n`);
    expect(problems[0]?.message).toMatch(/unknown or malformed claim "outptu"/);
  });

  test('rejects `output` with no fence right after the block, and tries= with nothing to try for', () => {
    const { problems } = parsePythonBlocks(`${fence}python output\nprint(1)\n${fence}\n\nSome text.\n\n${fence}text\n1\n${fence}\n${fence}python tries=3\npass\n${fence}\n`);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/needs the expected output/), expect.stringMatching(/tries= needs a claim/)]);
  });
});

const python = findPython();

describe.runIf(python)('checkPythonBlocks (python3 installed)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'python-blocks-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (md: string) => {
    const file = path.join(dir, 'README.md');
    writeFileSync(file, md);
    return checkPythonBlocks(file, { cwd: dir, timeoutMs: 20_000 });
  };

  test('passes blocks whose claims hold', async () => {
    const md = [`${fence}python output`, 'print("a")', 'print("b")', fence, `${fence}text`, 'a', 'b', fence, `${fence}python expect-error=ZeroDivisionError`, '1/0', fence, `${fence}python stdout=/^4$/`, 'print(2 + 2)', fence].join('\n');
    expect(await check(md)).toEqual([]);
  });

  test('fails a block whose output differs from the README, a crash, and an error that does not come', async () => {
    const md = [`${fence}python output`, 'print(2000000 - 1)', fence, `${fence}text`, '2000000', fence, `${fence}python`, 'import nope', fence, `${fence}python expect-error=ZeroDivisionError`, 'print(1)', fence].join('\n');
    const problems = await check(md);
    expect(problems.map((p) => p.message)).toEqual([
      'block 1: printed "1999999", the README shows "2000000"',
      expect.stringMatching(/^block 2: exited with 1: ModuleNotFoundError: No module named 'nope'$/),
      'block 3: claims it fails with ZeroDivisionError, but it exited 0',
    ]);
  });

  test('a race claim holds if it shows in one of its tries, and fails if it never does', async () => {
    // The file counts its own runs: the claim shows on the third.
    const counter = path.join(dir, 'runs.txt');
    writeFileSync(counter, '0');
    const code = [`p = ${JSON.stringify(counter)}`, 'n = int(open(p).read()) + 1', 'open(p, "w").write(str(n))', 'print("lost 7" if n == 3 else "lost 0")'];
    expect(await check([`${fence}python tries=3 stdout=/lost [1-9]/`, ...code, fence].join('\n'))).toEqual([]);
    writeFileSync(counter, '0');
    const problems = await check([`${fence}python tries=2 stdout=/lost [1-9]/`, ...code, fence].join('\n'));
    expect(problems.map((p) => p.message)).toEqual(['block 1: printed "lost 0", which does not match /lost [1-9]/m — in none of 2 runs']);
  });
});

describe('checkPythonBlocks without python3', () => {
  test('skips the blocks with one line that says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'python-blocks-test-'));
    const saved = process.env.PYTHON;
    process.env.PYTHON = path.join(dir, 'no-such-python');
    try {
      const file = path.join(dir, 'README.md');
      writeFileSync(file, `${fence}python\nraise SystemExit(1)\n${fence}\n`);
      const lines: string[] = [];
      expect(await checkPythonBlocks(file, { cwd: dir, log: (l) => lines.push(l) })).toEqual([]);
      expect(lines).toEqual([expect.stringMatching(/python blocks: 1 skipped \(no python3 on PATH/)]);
    } finally {
      if (saved === undefined) delete process.env.PYTHON;
      else process.env.PYTHON = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
