// Started by robustness.test.ts: starts a run whose test spins, then throws an error nobody
// catches — the runner's last way out. Nothing it started may outlive it.
import { endEverythingOnExit } from '../../lib/processes.ts';
import { TestServer } from '../../lib/test-client.ts';

endEverythingOnExit();
const [lessonDir, mark] = process.argv.slice(2);
const server = new TestServer({ lessonDir: lessonDir!, mode: 'exercise' });
void server.run([{ file: 'tests/01-add.test.ts', timeoutMs: 60_000 }]);
const { existsSync } = await import('node:fs');
const started = Date.now();
while (!existsSync(mark!) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100));
setTimeout(() => {
  throw new Error('a bug in the runner');
}, 0);
