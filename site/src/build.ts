/**
 * Builds the tutorial site: a home page with the course map, one page per lesson, the
 * benchmarks page, the search index and the assets — all in one flat folder, so every
 * link is a plain file name and the site reads the same from `file://` and from a server.
 *
 * @module
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { renderSvg, checkTrace } from '@interleave/toolkit';
import { loadLesson, repoRoot, type Lesson } from '@interleave/scripts/lessons';
import { loadBenchResults, renderBenchPage } from './bench.ts';
import { escapeHtml } from './escape.ts';
import { renderExercises } from './exercises.ts';
import { inlineToText, renderInline } from './inline.ts';
import { renderLayout, SITE_NAME, type NavEntry } from './layout.ts';
import { codeBlock, createMarkdown, newEnv, uniqueId, type Heading } from './markdown.ts';
import { renderStepsFile } from './steps.ts';
import { searchIndexScript, sectionsOf, type SearchEntry } from './search-index.ts';

/** Options of {@link buildSite}. */
export interface BuildOptions {
  /** The repository (holds `lessons/`, `README.md`). Default: this repository. */
  root?: string;
  /** Where to write. Default `site/dist` under `root`. */
  outDir?: string;
  /** Where the bench results are. Default `packages/toolkit/bench/results` under `root`. */
  benchDir?: string;
  /** Add the reload-on-change script (serve mode only). Default false. */
  liveReload?: boolean;
}

/** One written page. */
export interface BuiltPage {
  href: string;
  title: string;
  /** Bytes of the HTML file. */
  bytes: number;
  /** Bytes of the HTML file, gzipped (what a server with compression transfers). */
  gzipBytes: number;
  kind: 'home' | 'lesson' | 'bench';
}

/** What a build did. */
export interface BuildResult {
  outDir: string;
  pages: BuiltPage[];
  /** Problems that did not stop the build (a lesson that failed to load, a missing trace). */
  warnings: string[];
  /** Gzipped bytes of each client script, by file name under `assets/`. */
  scriptsGzip: Record<string, number>;
  /** Bytes of the stylesheet, gzipped. */
  styleGzip: number;
  ms: number;
}

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assetsDir = path.join(siteDir, 'assets');
const MARKER = '.interleave-site';
const DEFAULT_SETUP = ['npm install -g pnpm@12.21.0 && pnpm install && pnpm lesson 0', 'pnpm test'];

/** The two set-up commands: the first two ```sh blocks of the root README, or the defaults. */
export function setupCommands(root: string): string[] {
  const readme = path.join(root, 'README.md');
  if (!existsSync(readme)) return DEFAULT_SETUP;
  const blocks = [...readFileSync(readme, 'utf8').matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]!.trim());
  return blocks.length >= 2 ? blocks.slice(0, 2) : DEFAULT_SETUP;
}

/** Every lesson that loads; a broken one becomes a warning instead of stopping the site. */
function loadAll(root: string, warnings: string[]): Lesson[] {
  const dir = path.join(root, 'lessons');
  if (!existsSync(dir)) return [];
  const lessons: Lesson[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d{2}-/.test(entry.name)) continue;
    try {
      lessons.push(loadLesson(path.join(dir, entry.name)));
    } catch (error) {
      warnings.push(`lesson ${entry.name} left out: ${(error as Error).message}`);
    }
  }
  return lessons.sort((a, b) => a.number - b.number);
}

export function lessonHref(lesson: Lesson): string {
  return `${lesson.id}-${lesson.slug}.html`;
}

/**
 * Builds the site into `outDir` (replacing what a previous build wrote there).
 *
 * @example
 * ```ts
 * import { buildSite } from './build.ts';
 * const result = await buildSite({ outDir: '/tmp/interleave-site' });
 * console.log(result.pages.length, result.warnings);
 * ```
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root ?? repoRoot);
  const outDir = path.resolve(options.outDir ?? path.join(root, 'site', 'dist'));
  const benchDir = path.resolve(options.benchDir ?? path.join(root, 'packages', 'toolkit', 'bench', 'results'));
  const warnings: string[] = [];

  prepareOut(outDir);
  const lessons = loadAll(root, warnings);
  const md = createMarkdown();

  const home: NavEntry = { href: 'index.html', label: 'Home', title: 'Home: the course map' };
  const bench: NavEntry = { href: 'benchmarks.html', label: 'Benchmarks', title: 'Benchmarks' };
  const lessonEntries = lessons.map((l): NavEntry => ({ href: lessonHref(l), label: `${l.id} · ${inlineToText(l.title)}`, title: `${l.id} · ${inlineToText(l.title)}` }));
  const chain = [home, ...lessonEntries, bench];
  const nav = chain;
  const pages: BuiltPage[] = [];
  const search: SearchEntry[] = [];

  // Every page gives its headings once; the contents list and the search index use them.
  const write = (entry: NavEntry, title: string, description: string, body: string, kind: BuiltPage['kind'], headings: readonly Heading[]): void => {
    const i = chain.indexOf(entry);
    const toc = headings.filter((h) => h.level === 2 || h.level === 3);
    const html = renderLayout({
      href: entry.href,
      title,
      description,
      body,
      toc,
      nav,
      prev: chain[i - 1],
      next: chain[i + 1],
      liveReload: options.liveReload ?? false,
    });
    writeFileSync(path.join(outDir, entry.href), html);
    pages.push({ href: entry.href, title, bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html).length, kind });
    search.push(...sectionsOf(body, headings, entry.href, title));
  };

  // Lesson pages.
  lessons.forEach((lesson, i) => {
    const entry = lessonEntries[i]!;
    const env = newEnv();
    env.exercises = () => renderExercises(lesson, root, env.usedIds);
    env.timeline = (relative) => renderTimeline(lesson, relative, env.usedIds, warnings);
    env.steps = (relative) => renderStepsFile(lesson.dir, relative, env.usedIds, warnings);
    env.link = (href) => siteLink(lesson, href, root, lessons, warnings);
    const source = existsSync(lesson.readmePath)
      ? readFileSync(lesson.readmePath, 'utf8')
      : `# ${lesson.title}\n\n**${lesson.question}**\n\n${lesson.summary}\n\n[[exercises]]\n`;
    if (!existsSync(lesson.readmePath)) warnings.push(`lesson ${lesson.id}-${lesson.slug} has no README.md yet: its page shows the summary and the exercises`);
    let body = md.render(source, env);
    const headings = env.headings;
    if (!env.exercisesPlaced) {
      const block = renderExercises(lesson, root, env.usedIds);
      body += block.html;
      headings.push(...block.headings);
    }
    const demos = renderDemos(lesson, env.usedIds);
    body += demos.html;
    headings.push(...demos.headings);
    write(entry, inlineToText(lesson.title), inlineToText(lesson.question), `<article class="lesson">\n${body}</article>`, 'lesson', headings);
  });

  // Home page: the course map and the two set-up commands.
  {
    const [install, test] = setupCommands(root);
    const description = readDescription(root);
    let body = `<h1 id="top">${SITE_NAME}</h1>\n<p class="lead">${escapeHtml(description)}</p>\n`;
    body += `<section class="setup" aria-labelledby="set-up"><h2 id="set-up">Set up</h2>\n<p>You need Node.js 20.19 or newer and npm. Install and start the first lesson:</p>\n${codeBlock(install ?? DEFAULT_SETUP[0]!, 'sh')}<p>Run the whole test suite:</p>\n${codeBlock(test ?? DEFAULT_SETUP[1]!, 'sh')}</section>\n`;
    body += `<section aria-labelledby="course-map"><h2 id="course-map">The course map</h2>\n`;
    if (lessons.length === 0) body += '<p>No lessons yet.</p>\n';
    else {
      body += '<ol class="course-map">\n';
      for (const [i, lesson] of lessons.entries()) {
        const n = lesson.exercises.length;
        body += `<li><a class="course-card" href="${lessonEntries[i]!.href}"><span class="course-num">${lesson.id}</span> <span class="course-title">${renderInline(lesson.title)}</span></a>
<p class="course-question">${renderInline(lesson.question)}</p>
<p class="course-summary">${renderInline(lesson.summary)}</p>
<p class="course-meta">${n} exercise${n === 1 ? '' : 's'} · <code>pnpm lesson ${lesson.number}</code></p></li>\n`;
      }
      body += '</ol>\n';
    }
    body += `<p>How fast is the toolkit against the libraries you would otherwise pick? See the <a href="benchmarks.html">benchmarks</a>.</p>\n</section>\n`;
    const headings: Heading[] = [
      { id: 'top', text: SITE_NAME, level: 1 },
      { id: 'set-up', text: 'Set up', level: 2 },
      { id: 'course-map', text: 'The course map', level: 2 },
    ];
    write(home, SITE_NAME, description, body, 'home', headings);
  }

  // Benchmarks page.
  {
    let results: ReturnType<typeof loadBenchResults> = [];
    try {
      results = loadBenchResults(benchDir);
    } catch (error) {
      warnings.push(`bench results left out: ${(error as Error).message}`);
    }
    const { body, headings } = renderBenchPage(results, new Set());
    write(bench, 'Benchmarks', 'The toolkit against p-limit, async-mutex, piscina and tinypool: medians, ratios, floors and failures.', body, 'bench', headings);
  }

  // Assets and the search index.
  mkdirSync(path.join(outDir, 'assets'), { recursive: true });
  const scriptsGzip: Record<string, number> = {};
  for (const file of readdirSync(assetsDir)) {
    copyFileSync(path.join(assetsDir, file), path.join(outDir, 'assets', file));
    if (file.endsWith('.js')) scriptsGzip[file] = gzipSync(readFileSync(path.join(assetsDir, file))).length;
  }
  const index = searchIndexScript(search);
  writeFileSync(path.join(outDir, 'assets', 'search-index.js'), index);
  scriptsGzip['search-index.js'] = gzipSync(index).length;
  const styleGzip = gzipSync(readFileSync(path.join(assetsDir, 'style.css'))).length;

  return { outDir, pages, warnings, scriptsGzip, styleGzip, ms: performance.now() - started };
}

/** Empties `outDir`, but only when it is a previous build (has the marker) or empty. */
function prepareOut(outDir: string): void {
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`buildSite: outDir ${outDir} is not empty and was not written by pnpm site (no ${MARKER} file); choose another --out or empty it`);
    }
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, MARKER), 'Written by `pnpm site`; the next build replaces this folder.\n');
}

function readDescription(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { description?: unknown };
    if (typeof pkg.description === 'string' && pkg.description.trim() !== '') return pkg.description;
  } catch {
    // No package.json (a fixture): the default below.
  }
  return 'Runnable lessons on parallelism, concurrency, threads, async and the event loop.';
}

/** A ```timeline fence: the trace file beside the lesson, drawn by the toolkit's renderSvg. */
function renderTimeline(lesson: Lesson, relative: string, usedIds: Set<string>, warnings: string[]): string {
  const file = path.resolve(lesson.dir, relative);
  const where = `lessons/${path.basename(lesson.dir)}/README.md: timeline "${relative}"`;
  if (!file.startsWith(lesson.dir + path.sep)) {
    warnings.push(`${where} points outside the lesson folder`);
    return `<p class="build-error">Timeline “${escapeHtml(relative)}” points outside the lesson folder.</p>\n`;
  }
  try {
    const trace = checkTrace(JSON.parse(readFileSync(file, 'utf8')), relative);
    const id = uniqueId(`timeline-${path.basename(file, '.json').replace(/[^\w-]/g, '-')}`, usedIds);
    return scrollSvg(renderSvg(trace, { width: 720, id }), trace.title);
  } catch (error) {
    warnings.push(`${where}: ${(error as Error).message}`);
    return `<p class="build-error">Timeline “${escapeHtml(relative)}” could not be drawn: ${escapeHtml((error as Error).message)}</p>\n`;
  }
}

/**
 * Puts a figure's drawing in a box that scrolls sideways, so at phone width the drawing
 * keeps its size (and its text stays readable) instead of shrinking to the column.
 */
function scrollSvg(figure: string, title: string): string {
  const start = figure.indexOf('<svg');
  const end = figure.indexOf('</svg>', start);
  if (start === -1 || end === -1) return figure;
  const close = end + '</svg>'.length;
  const svg = figure.slice(start, close);
  return `${figure.slice(0, start)}<div class="scroll-x" tabindex="0" role="group" aria-label="${escapeHtml(title)} (scrolls sideways)"${minWidthStyle(svg)}>${svg}</div>${figure.slice(close)}`;
}

/**
 * The narrowest an SVG drawn with 12 px text may be shown, as a `style` attribute: its
 * text then stays ≥ 11.5 px. Below that width its box scrolls instead.
 */
export function minWidthStyle(svg: string): string {
  const width = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  return Number.isFinite(width) && width > 0 ? ` style="--min-w: ${Math.ceil((width * 11.5) / 12)}px"` : '';
}

/**
 * A relative link in a lesson's text, as a link of the site: another lesson's folder or
 * README (with its #anchor) becomes that lesson's page, the root README the home page.
 * Anything else names a repository file the site does not publish: kept, with a warning.
 */
function siteLink(lesson: Lesson, href: string, root: string, lessons: readonly Lesson[], warnings: string[]): string {
  const hashAt = href.indexOf('#');
  const target = path.resolve(lesson.dir, decodeURIComponent(hashAt === -1 ? href : href.slice(0, hashAt)));
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const folder = path.basename(target) === 'README.md' ? path.dirname(target) : target;
  const other = lessons.find((l) => l.dir === folder);
  if (other) return `${lessonHref(other)}${hash}`;
  if (folder === root) return `index.html${hash}`;
  warnings.push(`lessons/${path.basename(lesson.dir)}/README.md: the link "${href}" points to a file that is not on the site`);
  return href;
}

/** The lesson's demos, each with the command that runs it. */
function renderDemos(lesson: Lesson, usedIds: Set<string>): { html: string; headings: Heading[] } {
  if (lesson.demos.length === 0) return { html: '', headings: [] };
  const id = uniqueId('demos', usedIds);
  // The runner picks every demo whose name contains the argument, so the short name is
  // used only when it picks exactly this one.
  const arg = (name: string): string => {
    const short = name.replace(/^\d+-/, '');
    return lesson.demos.filter((d) => d.name.includes(short)).length === 1 ? short : name;
  };
  const items = lesson.demos
    .map((d) => `<li><code class="cmd">pnpm lesson ${lesson.number} demo ${escapeHtml(arg(d.name))}</code>${d.description ? ` — ${renderInline(d.description)}` : ''}</li>`)
    .join('\n');
  const html = `<section class="demos" aria-labelledby="${id}"><h2 id="${id}">Run the demos</h2>\n<p>Each demo measures on your machine and prints tables and timelines; <code class="cmd">pnpm lesson ${lesson.number} demo</code> runs them all.</p>\n<ul>\n${items}\n</ul></section>\n`;
  return { html, headings: [{ id, text: 'Run the demos', level: 2 }] };
}
