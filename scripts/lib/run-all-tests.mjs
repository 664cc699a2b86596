// @ts-check
// `pnpm test`: turbo over every package (check-types, test, check-lessons) and the
// dependency check (knip), then — on a machine without Chromium — a plain statement of
// which suites did not run and how to install what they need. In CI (CI=true) a skipped
// suite fails the run. Whether the browser tests can run is part of turbo's cache key
// (INTERLEAVE_BROWSER_TESTS in turbo.json), so installing Chromium re-runs them instead
// of replaying the skip.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $ } from 'zx/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The same places site/test/browser.ts looks at.
const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromium = candidates.find((p) => p !== '' && existsSync(p));
const ci = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  INTERLEAVE_BROWSER_TESTS: chromium ? `run with ${chromium}` : 'skipped: no Chromium',
};
// The workspace's own turbo, also when this file is run with plain node (no pnpm on the way).
const local = path.join(root, 'node_modules', '.bin', 'turbo');
const turboBin = existsSync(local) ? local : 'turbo';
const turbo = await $({ cwd: root, env, stdio: 'inherit', nothrow: true })`${turboBin} run check-types test check-lessons check-deps --continue --concurrency=2 --output-logs=errors-only ${process.argv.slice(2)}`;

let code = turbo.exitCode ?? 1;
if (!chromium) {
  const rule = '─'.repeat(78);
  console.log(`\n${rule}`);
  console.log('Did not run: the site\'s browser tests (site/test/browser.test.ts) — Chromium was not found');
  console.log(`(looked at ${candidates.join(', ')}).`);
  console.log('Install it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH), then run pnpm test again.');
  console.log('The tests never download a browser.');
  if (ci) {
    console.log('In CI every suite must run: failing.');
    code = 1;
  }
  console.log(rule);
}
process.exit(code);
