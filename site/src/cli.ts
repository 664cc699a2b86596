/**
 * `pnpm site [--serve] [--out DIR] [--port N]`: builds the tutorial site into site/dist
 * (or DIR). With --serve, serves it on 127.0.0.1, rebuilds when a lesson, a template or a
 * bench result changes, and reloads open pages.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@interleave/scripts/lessons';
import { buildSite, type BuildResult } from './build.ts';
import { startStaticServer } from './serve.ts';

const USAGE = 'usage: pnpm site [--serve] [--out DIR] [--port N]';

function parse(): { serve: boolean; out: string; port: number } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { serve: { type: 'boolean', default: false }, out: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer 0–65535, got ${JSON.stringify(values.port)}\n${USAGE}`);
    process.exit(2);
  }
  return { serve: values.serve ?? false, out: path.resolve(values.out ?? path.join(repoRoot, 'site', 'dist')), port };
}

function report(result: BuildResult): void {
  const lessons = result.pages.filter((p) => p.kind === 'lesson');
  const biggest = Math.max(...result.pages.map((p) => p.bytes));
  const biggestGzip = Math.max(...result.pages.map((p) => p.gzipBytes));
  const index = result.scriptsGzip['search-index.js'] ?? 0;
  const js = Object.values(result.scriptsGzip).reduce((a, b) => a + b, 0) - index;
  console.log(
    `site: ${result.pages.length} pages (${lessons.length} lessons) in ${path.relative(process.cwd(), result.outDir) || '.'} — ${Math.round(result.ms)} ms; largest page ${(biggest / 1024).toFixed(1)} KB (${(biggestGzip / 1024).toFixed(1)} KB gzipped); client JS ${(js / 1024).toFixed(1)} KB gzipped (+ search index ${(index / 1024).toFixed(1)} KB, loaded on first search)`,
  );
  for (const w of result.warnings) console.warn(`  warning: ${w}`);
}

const options = parse();
const first = await buildSite({ outDir: options.out, liveReload: options.serve });
report(first);

if (options.serve) {
  const server = await startStaticServer(options.out, { port: options.port });
  console.log(`serving ${server.url} — rebuilds and reloads on change; Ctrl-C stops`);
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      report(await buildSite({ outDir: options.out, liveReload: true }));
      server.reload();
    } catch (error) {
      console.error(`site: rebuild failed: ${(error as Error).message}`);
    } finally {
      building = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  const watched = ['lessons', 'site/assets', 'site/src', 'packages/toolkit/bench/results', 'README.md'];
  const watchers: FSWatcher[] = [];
  for (const rel of watched) {
    try {
      watchers.push(
        watch(path.join(repoRoot, rel), { recursive: true }, (_event, name) => {
          if (name && /node_modules|\.interleave/.test(String(name))) return;
          clearTimeout(timer);
          timer = setTimeout(() => void rebuild(), 150);
        }),
      );
    } catch {
      // A folder that does not exist yet (no bench results): nothing to watch.
    }
  }
  const stop = (): void => {
    for (const w of watchers) w.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else if (first.warnings.length > 0) {
  console.warn(`site: built with ${first.warnings.length} warning(s), listed above`);
}
