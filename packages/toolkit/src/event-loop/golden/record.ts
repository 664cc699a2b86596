/**
 * Re-records the golden outputs: runs every `NN-name.py` scenario here with python3 and
 * writes what it printed to `NN-name.out`, which `golden.test.ts` requires our loop to
 * print too. Run: `pnpm --filter @interleave/toolkit record-golden` (python3 ≥ 3.11).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const python = process.env['PYTHON'] ?? 'python3';
const version = execFileSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' }).trim();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
  const out = execFileSync(python, [join(dir, file)], { encoding: 'utf8', timeout: 30_000 });
  writeFileSync(join(dir, file.replace(/\.py$/, '.out')), out);
  console.log(`${file}: ${out.split('\n').length - 1} lines`);
}
writeFileSync(join(dir, 'PYTHON_VERSION'), `${version}\n`);
console.log(`recorded with Python ${version}`);
