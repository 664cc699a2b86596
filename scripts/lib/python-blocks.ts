// The Python blocks of a lesson README run, and what the text says about their output holds.
//
// A ```python fence runs as a script under python3 (cwd: the lesson folder). Its info
// string says what the text claims; with no claim the block must simply exit 0.
//
//   ```python                        runs and exits 0
//   ```python output                 …and prints exactly the next fence (a ```text block)
//   ```python stdout=/lost [1-9]/    …and what it prints matches the regular expression
//   ```python expect-error=Name      exits non-zero, and stderr names Name (an exception)
//   ```python tries=5 stdout=/…/     a race: the claim must hold in at least 1 of 5 runs
//                                    (every run must still exit as claimed)
//
// Unknown words are an error, so a misspelt claim cannot turn a check off.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PythonClaims {
  /** The next fence holds the exact output. */
  output: boolean;
  stdout?: RegExp | undefined;
  expectError?: string | undefined;
  /** Runs allowed for the claim to show once (races); 1 for a deterministic block. */
  tries: number;
}

export interface PythonBlock {
  /** 1-based line of the opening fence in the README. */
  line: number;
  code: string;
  claims: PythonClaims;
  /** The text of the fence after the block, when `output` is claimed. */
  expected?: string | undefined;
}

export interface BlockProblem {
  line: number;
  message: string;
}

const FENCE = /^(`{3,})([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;
const WORD = /([a-z][\w-]*)(?:=(\/(?:\\.|[^/\\\n])*\/[dgimsuy]*|"[^"]*"|\S+))?/g;

/** Finds every ```python fence and reads the claims in its info string. */
export function parsePythonBlocks(markdown: string): { blocks: PythonBlock[]; problems: BlockProblem[] } {
  const blocks: PythonBlock[] = [];
  const problems: BlockProblem[] = [];
  const fences: Array<{ info: string; body: string; start: number; end: number; line: number }> = [];
  for (let m = FENCE.exec(markdown); m; m = FENCE.exec(markdown)) {
    fences.push({ info: m[2]!.trim(), body: m[3]!, start: m.index, end: m.index + m[0].length, line: markdown.slice(0, m.index).split('\n').length });
  }
  fences.forEach((fence, i) => {
    const [lang = '', ...rest] = fence.info.split(/\s+/);
    if (lang !== 'python' && lang !== 'py') return;
    const claims: PythonClaims = { output: false, tries: 1 };
    const bad = (message: string): void => {
      problems.push({ line: fence.line, message });
    };
    const info = rest.join(' ');
    let consumed = '';
    for (const w of info.matchAll(WORD)) {
      consumed += w[0];
      const [, key, value] = w;
      if (key === 'output' && value === undefined) claims.output = true;
      else if (key === 'stdout' && value?.startsWith('/')) {
        const end = value.lastIndexOf('/');
        try {
          claims.stdout = new RegExp(value.slice(1, end), value.slice(end + 1) || 'm');
        } catch (error) {
          bad(`stdout=${value} is not a regular expression: ${(error as Error).message}`);
        }
      } else if (key === 'expect-error' && value) claims.expectError = value.replace(/^"|"$/g, '');
      else if (key === 'tries' && value && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 50) claims.tries = Number(value);
      else bad(`unknown or malformed claim "${w[0]}" in \`\`\`${fence.info} (known: output, stdout=/re/, expect-error=Name, tries=1..50)`);
    }
    if (consumed.replace(/\s/g, '') !== info.replace(/\s/g, '')) bad(`cannot read the info string \`\`\`${fence.info}`);
    if (claims.tries > 1 && !claims.output && !claims.stdout) bad('tries= needs a claim about the output (output or stdout=/re/)');
    let expected: string | undefined;
    if (claims.output) {
      const next = fences[i + 1];
      if (!next || markdown.slice(fence.end, next.start).trim() !== '') bad('`output` needs the expected output in the fence right after the block');
      else expected = next.body;
    }
    blocks.push({ line: fence.line, code: fence.body, claims, expected });
  });
  return { blocks, problems };
}

/** The Python to use: $PYTHON, or python3 on PATH; undefined when there is none. */
export function findPython(): { command: string; version: string } | undefined {
  const command = process.env.PYTHON || 'python3';
  const r = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return { command, version: (r.stdout || r.stderr).trim() };
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function runOnce(python: string, file: string, cwd: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    // Its own process group, so a pool's children end with it on a timeout.
    const child = spawn(python, [file], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const kill = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    process.once('exit', kill);
    child.on('close', (code) => {
      clearTimeout(timer);
      process.off('exit', kill);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

const normalise = (s: string): string => s.replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
const lastLine = (s: string): string => s.trim().split('\n').at(-1) ?? '';

type Verdict = { message: string; /** another try cannot excuse it */ final: boolean } | undefined;

/**
 * Why one run breaks the block's claims, or undefined when they hold. A wrong exit or a
 * timeout is final; only a claim about the output may need several tries (a race).
 */
function verdict(block: PythonBlock, r: RunResult): Verdict {
  const final = (message: string): Verdict => ({ message, final: true });
  if (r.timedOut) return final('did not finish in time');
  const { expectError, stdout, output } = block.claims;
  if (expectError) {
    if (r.code === 0) return final(`claims it fails with ${expectError}, but it exited 0`);
    if (!r.stderr.includes(expectError)) return final(`claims it fails with ${expectError}, but it failed with: ${lastLine(r.stderr)}`);
  } else if (r.code !== 0) {
    return final(`exited with ${r.code}: ${lastLine(r.stderr)}`);
  }
  if (stdout && !stdout.test(r.stdout)) {
    return { message: `printed ${JSON.stringify(lastLine(r.stdout))}, which does not match ${stdout}`, final: false };
  }
  if (output && normalise(r.stdout) !== normalise(block.expected ?? '')) {
    return { message: `printed ${JSON.stringify(normalise(r.stdout))}, the README shows ${JSON.stringify(normalise(block.expected ?? ''))}`, final: false };
  }
  return undefined;
}

export interface PythonCheckOptions {
  /** Folder the blocks run in (the lesson's). */
  cwd: string;
  /** Per run; default 60 s (a loaded machine). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Runs every ```python block of a README; returns the broken claims (none when python3 is missing). */
export async function checkPythonBlocks(readmePath: string, options: PythonCheckOptions): Promise<BlockProblem[]> {
  const { blocks, problems } = parsePythonBlocks(readFileSync(readmePath, 'utf8'));
  if (blocks.length === 0) return problems;
  const python = findPython();
  if (!python) {
    options.log?.(`  python blocks: ${blocks.length} skipped (no python3 on PATH; set PYTHON to use another)`);
    return problems;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-py-'));
  try {
    for (const [index, block] of blocks.entries()) {
      const file = path.join(dir, `block_${index + 1}.py`);
      writeFileSync(file, block.code);
      let run = 0;
      let broken: Verdict;
      do {
        run++;
        broken = verdict(block, await runOnce(python.command, file, options.cwd, options.timeoutMs ?? 60_000));
      } while (broken && !broken.final && run < block.claims.tries);
      if (broken) {
        const runs = broken.final ? (block.claims.tries > 1 ? ` (run ${run})` : '') : block.claims.tries > 1 ? ` — in none of ${run} runs` : '';
        problems.push({ line: block.line, message: `block ${index + 1}: ${broken.message}${runs}` });
      }
    }
    options.log?.(`  python blocks: ${blocks.length} run under ${python.version}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
