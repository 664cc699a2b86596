import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../src/build.ts';
import { exerciseCommand, testNames } from '../src/exercises.ts';
import { highlight } from '../src/highlight.ts';
import { createMarkdown, newEnv } from '../src/markdown.ts';
import { viewOfCase } from '../src/bench.ts';
import { sectionsOf } from '../src/search-index.ts';
import { checkSteps, printedAt, renderStepsFile } from '../src/steps.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureRoot = path.join(here, 'fixtures', 'root');
const tmp = mkdtempSync(path.join(tmpdir(), 'interleave-site-build-'));
let fixture: BuildResult;
let real: BuildResult;
declare global {
  var realBuild: BuildResult | undefined;
}
const read = (result: BuildResult, href: string): string => readFileSync(path.join(result.outDir, href), 'utf8');

beforeAll(async () => {
  fixture = await buildSite({ root: fixtureRoot, outDir: path.join(tmp, 'fixture'), benchDir: path.join(fixtureRoot, 'bench') });
  real = await buildSite({ outDir: path.join(tmp, 'real') });
  globalThis.realBuild = real;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('markdown', () => {
  it('escapes raw HTML, so lesson text cannot inject script', () => {
    const html = createMarkdown().render('Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))', newEnv());
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
  });

  it('turns [!info] Title and [!NOTE] quotes into callouts and leaves plain quotes alone', () => {
    const md = createMarkdown();
    const html = md.render('> [!info] Why a permit\n> Handed to the next waiter.\n\n> [!NOTE]\n> Plain.\n\n> just a quote', newEnv());
    expect(html).toContain('<div class="callout callout-info" role="note"><p class="callout-title">Why a permit</p>');
    expect(html).toContain('<p>Handed to the next waiter.</p>');
    expect(html).toContain('<div class="callout callout-note" role="note"><p class="callout-title">Note</p>');
    expect(html).toContain('<blockquote>\n<p>just a quote</p>\n</blockquote>');
    expect(html).not.toContain('[!');
  });

  it("reads the seed's form: a marker line, an empty quote line, then the text", () => {
    const html = createMarkdown().render('> [!info] Parallelism in Practice\n> \n> Using multiple copies of hardware.\n\n> [!quote]\n> "A better module" — Guido', newEnv());
    expect(html).toMatch(/<div class="callout callout-info" role="note"><p class="callout-title">Parallelism in Practice<\/p>\s*<p>Using multiple copies of hardware.<\/p>\s*<\/div>/);
    expect(html).toContain('<div class="callout callout-quote" role="note"><p class="callout-title">Quote</p>');
  });

  it('gives headings unique ids', () => {
    const env = newEnv();
    const html = createMarkdown().render('## Summary\n\n## Summary\n\n### `Mutex` and locks', env);
    expect(env.headings.map((h) => h.id)).toEqual(['summary', 'summary-2', 'mutex-and-locks']);
    expect(html).toContain('<h2 id="summary-2">');
  });
});

describe('highlight', () => {
  it('colours keywords, strings, numbers and comments, and escapes everything', () => {
    expect(highlight('const x = "<b>"; // done', 'ts')).toBe('<span class="hl-k">const</span> x = <span class="hl-s">&quot;&lt;b&gt;&quot;</span>; <span class="hl-c">// done</span>');
    expect(highlight('constant = 1', 'ts')).toBe('constant = <span class="hl-n">1</span>');
    expect(highlight('def f(): pass  # x', 'python')).toContain('<span class="hl-c"># x</span>');
    expect(highlight('{"a": true}', 'json')).toBe('{<span class="hl-p">&quot;a&quot;</span>: <span class="hl-k">true</span>}');
    expect(highlight('a <b> & c', 'text')).toBe('a &lt;b&gt; &amp; c');
  });

  it('keeps every character of the source', () => {
    const source = readFileSync(path.join(here, '..', 'src', 'build.ts'), 'utf8');
    const text = highlight(source, 'ts').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(text).toBe(source);
  });
});

describe('exercise blocks', () => {
  it('use the command a learner types and the test names from the file', () => {
    expect(exerciseCommand(3, '02-mutex')).toBe('pnpm lesson 3 mutex');
    expect(testNames("it('a b', () => {});\ntest(\"c 'd'\", async () => {});\nit.each([1])('e %s', () => {})")).toEqual(['a b', "c 'd'", 'e %s']);
  });

  it('are placed at [[exercises]], from the files, with hints one at a time and the solution behind a spoiler', () => {
    const html = read(fixture, '00-basics.html');
    const at = html.indexOf('<h2 id="exercises">');
    expect(at).toBeGreaterThan(html.indexOf('id="backpressure-keeps-queues-short"'));
    expect(at).toBeLessThan(html.indexOf('id="coming-from-python"'));
    expect(html).not.toContain('[[exercises]]');
    expect(html).toContain('<code class="cmd">pnpm lesson 0 count-words</code>');
    expect(html).toContain('Not implemented: countWords');
    expect(html).toContain('<li>ignores leading, trailing and repeated whitespace</li>');
    // Hint 2 is inside hint 1, hint 3 inside hint 2: one more per click, without JavaScript.
    expect(html).toMatch(/Hint \(1 of 3\)[\s\S]*?<details class="hint"><summary>Another hint \(2 of 3\)[\s\S]*?<details class="hint"><summary>Another hint \(3 of 3\)[\s\S]*?<\/details>\n<\/div><\/details>\n<\/div><\/details>/);
    expect(html).toMatch(/<details class="solution"><summary>Show the solution \(spoiler\)<\/summary>[\s\S]*?Empty strings appear at the ends/);
  });

  it('turn links to other lessons into links to their pages', () => {
    const html = read(fixture, '01-limits.html');
    expect(html).toContain('<a href="00-basics.html#semaphores-limit-concurrency">the permits of lesson 0</a>');
    expect(html).toContain('<a href="index.html">course map</a>');
    expect(html).toContain('<a href="https://docs.python.org/3/library/asyncio-sync.html">');
    expect(fixture.warnings).toEqual([]);
  });

  it('go at the end when the README has no [[exercises]] line', () => {
    const html = read(fixture, '01-limits.html');
    expect(html.indexOf('<h2 id="exercises">')).toBeGreaterThan(html.indexOf('id="summary"'));
    expect(html).toContain('pnpm lesson 1 fair-queue');
  });
});

describe('one list of headings per page (issue 10)', () => {
  it('the markdown pass returns the headings, exercise blocks in their place, in document order', () => {
    const env = newEnv({ exercises: () => ({ html: '<h2 id="exercises">Exercises</h2>', headings: [{ id: 'exercises', text: 'Exercises', level: 2 }] }) });
    createMarkdown().render('# Title\n\n## Before\n\n[[exercises]]\n\n## After `code`', env);
    expect(env.headings).toEqual([
      { id: 'title', text: 'Title', level: 1 },
      { id: 'before', text: 'Before', level: 2 },
      { id: 'exercises', text: 'Exercises', level: 2 },
      { id: 'after-code', text: 'After code', level: 2 },
    ]);
  });

  it('the contents list and the search index are built from that list, not from the finished HTML', () => {
    const html = read(fixture, '00-basics.html');
    const toc = [...html.matchAll(/<li class="toc-(\d)"><a href="#([^"]+)">/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(toc).toEqual(['2:semaphores-limit-concurrency', '2:backpressure-keeps-queues-short', '2:exercises', '3:exercise-01-count-words', '2:coming-from-python', '2:summary', '2:demos']);
    // A heading the page does not hold is a bug of the builder, reported as such.
    expect(() => sectionsOf('<h1 id="a">A</h1>', [{ id: 'b', text: 'B', level: 2 }], 'x.html', 'X')).toThrow(/x\.html has no <h2 id="b">/);
    expect(sectionsOf('<h1 id="a">A</h1><p>one</p><h2 id="b">B <a class="heading-anchor" href="#b">#</a></h2><p>two</p><pre>code</pre>', [{ id: 'a', text: 'A', level: 1 }, { id: 'b', text: 'B', level: 2 }], 'x.html', 'X')).toEqual([
      { u: 'x.html', h: 'A', p: 'X', t: 'one', l: 1 },
      { u: 'x.html#b', h: 'B', p: 'X', t: 'two', l: 2 },
    ]);
  });
});

describe('the benchmarks page words (issue 11 item 17)', () => {
  const crash = (name: string) => {
    const html = read(fixture, 'benchmarks.html');
    const at = html.indexOf(`<strong>${name}</strong>`);
    return html.slice(at, html.indexOf('</figure>', at));
  };

  it('a time limit is not a floor: the contender that hit it shows "failed: <why>", with no figure and no ratio', () => {
    const fig = crash('process.exit in a task');
    expect(fig).toContain('<th scope="row">tinypool</th><td class="failed">failed: did not finish within the 2,000 ms time limit</td><td>—</td>');
    expect(fig).toContain('failed: did not finish within the 2,000 ms time limit</text>');
    expect(fig).not.toMatch(/2,000 ms<\/td>|0\.00|floor|physical limit/);
    expect(fig).toContain('Time limit 2,000 ms: a contender still running then failed.');
  });

  it('a failure recorded with why is shown with that why', () => {
    const fig = crash('close() with tasks in flight');
    expect(fig).toContain('<td class="failed">failed: close() never settled</td><td>—</td>');
    expect(fig).not.toContain('0.15');
  });

  it('a recorded limit that a contender beats is not a floor and is not drawn', () => {
    const fig = crash('cost per op at 1e5 ÷ at 1e3');
    expect(fig).not.toMatch(/class="floor"|; floor/);
    expect(fig).toContain('The suite recorded 3.24× as a limit, but ours beats it: it is not a floor, so it is not drawn.');
    expect(viewOfCase({ name: 'speed-up', unit: 'x', higherIsBetter: true, ours: 1.9, peers: { p: 1.8 }, limit: 2 }).floor).toBe(2);
    expect(viewOfCase({ name: 'speed-up', unit: 'x', higherIsBetter: true, ours: 2.1, peers: { p: 1.8 }, limit: 2 }).floor).toBeUndefined();
    // A floor taken from a peer's figure and rounded is not "beaten" by that peer.
    expect(viewOfCase({ name: 'growth', unit: 'x', higherIsBetter: false, ours: 3.2, peers: { bare: 3.0883 }, limit: 3.09 }).floor).toBe(3.09);
  });

  it('uses one vocabulary: ours, peer, contender, floor, failed — no "physical limit", no "Interleave" bar beside "ours, …"', () => {
    const html = read(fixture, 'benchmarks.html');
    expect(html).not.toMatch(/physical limit/i);
    expect(html).toContain('<th scope="row">ours</th>');
    expect(html).not.toContain('<th scope="row">Interleave</th>');
    expect(crash('cost per op, 256 MB young generation')).toContain('<th scope="row">ours, default heap</th>');
    for (const word of ['<em>contender</em>', '<em>peer</em>', '<em>floor</em>', '<em>failed</em>']) expect(html).toContain(word);
    const real = read(globalThis.realBuild!, 'benchmarks.html');
    expect(real).not.toMatch(/physical limit|ratio 0\.00|<td>2,000 ms<\/td>/i);
  });
});

describe('the step-through view of an event-loop run (issue 14)', () => {
  it('renders [[steps traces/NAME.json]] as a table of every step: running, ready queue, timer heap by time, what was printed', () => {
    const html = read(fixture, '01-limits.html');
    const fig = /<figure class="steps"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(fig).toContain('callSoon before callLater, and the snapshot rule</strong>');
    expect(fig.match(/<tr><th scope="row">\d+<\/th>/g)).toHaveLength(6);
    // Step 2: A ran; B and C wait; the heap lists T2 (5 ms) before T1 (10 ms) though recorded the other way round.
    expect(fig).toContain('<tr><th scope="row">2</th><td>1</td><td>0 ms</td><td><code>A</code><p class="steps-note">A scheduled C. C joins the ready queue, but iteration 1 runs only what was ready when it began: A and B.</p></td><td><ol class="steps-list"><li><code>B</code></li><li><code>C</code></li></ol></td><td><ol class="steps-list"><li><code>5 ms: T2</code></li><li><code>10 ms: T1</code></li></ol></td><td><pre class="steps-out" tabindex="0">A: schedule C</pre></td></tr>');
    expect(fig).toContain('data-steps="[{&quot;iteration&quot;:0');
    expect(html).not.toContain('[[steps');
  });

  it('checks the file and names the field that is wrong; a bad or missing file is a warning and a visible box', () => {
    expect(() => checkSteps({ kind: 'trace', title: 't', steps: [] }, 'x.json')).toThrow('x.json: kind must be "event-loop-steps", got "trace"');
    const step = { iteration: 0, time: 0, running: 'a', ready: [], timers: [], output: [] };
    expect(() => checkSteps({ kind: 'event-loop-steps', title: 't', steps: [step, { ...step, timers: [{ when: 'soon', label: 'x' }] }] }, 'x.json')).toThrow('x.json: steps[1].timers[0] must be { when: number, label: string }');
    expect(() => checkSteps({ kind: 'event-loop-steps', title: 't', steps: [{ ...step, output: 'hi' }] }, 'x.json')).toThrow(/steps\[0\]\.output must be an array of strings/);
    expect(printedAt([{ ...step, output: ['a'] }, { ...step, output: ['a', 'b'] }], 1)).toEqual(['b']);
    const dir = path.join(tmp, 'lessons', '05-loop');
    mkdirSync(path.join(dir, 'traces'), { recursive: true });
    writeFileSync(path.join(dir, 'traces', 'bad.json'), '{"kind":"event-loop-steps","title":"t","steps":[]}');
    const warnings: string[] = [];
    expect(renderStepsFile(dir, 'traces/bad.json', new Set(), warnings)).toContain('<p class="build-error">Steps “traces/bad.json” could not be shown: traces/bad.json: steps must be a non-empty array</p>');
    expect(renderStepsFile(dir, 'traces/none.json', new Set(), warnings)).toContain('class="build-error"');
    expect(renderStepsFile(dir, '../../x.json', new Set(), warnings)).toContain('outside the lesson folder');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toBe('lessons/05-loop/README.md: steps "traces/bad.json": traces/bad.json: steps must be a non-empty array');
  });
});

describe('the built site', () => {
  it('shows the lesson text with raw HTML escaped', () => {
    const html = read(fixture, '00-basics.html');
    expect(html).toContain('&lt;script&gt;window.injected = true&lt;/script&gt;');
    expect(html.match(/<script/g)).toHaveLength(2); // the head script and app.js, nothing else
  });

  it('draws the timeline with the toolkit, deterministically (snapshot)', () => {
    const html = read(fixture, '00-basics.html');
    const figure = /<figure class="trace"[\s\S]*?<\/figure>/.exec(html)?.[0];
    expect(figure).toContain('role="img"');
    expect(figure).toContain('<title id="timeline-three-permits-title">Three permits, four tasks</title>');
    expect(figure).toMatchSnapshot();
  });

  it('puts the course map and the two set-up commands from the README on the home page', () => {
    const html = read(fixture, 'index.html');
    expect(html).toContain('</span> install &amp;&amp; <span class="hl-k">pnpm</span> lesson 0');
    expect(html).toContain('<span class="hl-k">pnpm</span> test');
    expect(html.indexOf('00-basics.html')).toBeLessThan(html.indexOf('01-limits.html'));
    expect(html).toContain('What is starvation, and how does FIFO prevent it?');
  });

  it('draws bench results as charts with ratios and floors, and says when there are none', async () => {
    const html = read(fixture, 'benchmarks.html');
    expect(html).toContain('Limiter: createLimiter vs p-limit');
    expect(html).toMatch(/<line class="floor"[^>]*\/><text[^>]*>floor 2×<\/text>/);
    expect(html).toContain('<td>1.50</td>');
    const empty = await buildSite({ root: fixtureRoot, outDir: path.join(tmp, 'empty'), benchDir: path.join(tmp, 'nothing-here') });
    expect(read(empty, 'benchmarks.html')).toContain('No results recorded yet');
  });

  it('builds the real lessons without losing one, within the size budgets', () => {
    const lessons = real.pages.filter((p) => p.kind === 'lesson');
    expect(lessons.length).toBeGreaterThan(0);
    for (const w of real.warnings) console.warn(`site build warning: ${w}`);
    expect(real.warnings.filter((w) => w.includes('left out') && !w.includes('missing: every lesson has a lesson.json'))).toEqual([]);
    const css = readFileSync(path.join(real.outDir, 'assets', 'style.css'));
    const app = readFileSync(path.join(real.outDir, 'assets', 'app.js'));
    for (const page of real.pages) {
      // What a first visit transfers: the page, the stylesheet and app.js (search loads on use), uncompressed.
      const bytes = page.bytes + css.length + app.length;
      expect(bytes, `${page.href} is ${bytes} bytes`).toBeLessThan(200 * 1024);
    }
    const js = ['app.js', 'search.js', 'search-index.js'].map((f) => gzipSync(readFileSync(path.join(real.outDir, 'assets', f))).length);
    const code = js[0]! + js[1]!;
    expect(code, `client code ${code} bytes gzipped`).toBeLessThan(30 * 1024);
    console.log(`client JS gzipped: app ${js[0]} B, search ${js[1]} B, index ${js[2]} B; largest page ${Math.max(...real.pages.map((p) => p.bytes))} B`);
  });

  it("never drops a timeline's label: lesson 03's lost update shows Thread B's last one in the figure (issue 11 item 15)", () => {
    const lessonsDir = path.join(here, '..', '..', 'lessons');
    const missing: string[] = [];
    let labels = 0;
    for (const page of real.pages.filter((p) => p.kind === 'lesson')) {
      const html = read(real, page.href);
      for (const m of html.matchAll(/<figure class="trace" id="timeline-([\w-]+)">([\s\S]*?)<\/figure>/g)) {
        const drawn = m[2]!.replace(/<details class="trace-table">[\s\S]*?<\/details>/, '');
        const dir = path.join(lessonsDir, page.href.replace(/\.html$/, ''), 'traces');
        const trace = JSON.parse(readFileSync(path.join(dir, `${m[1]!.replace(/-\d+$/, '')}.json`), 'utf8')) as { spans: { label: string }[] };
        for (const span of trace.spans) {
          labels++;
          const text = span.label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          if (span.label !== '' && !drawn.includes(text)) missing.push(`${page.href} #timeline-${m[1]}: "${span.label}"`);
        }
      }
    }
    expect(read(real, '03-threads.html')).toContain('id="timeline-lost-update"');
    expect(labels).toBeGreaterThan(6);
    expect(missing).toEqual([]);
  });

  it('refuses to empty a folder it did not write', async () => {
    await expect(buildSite({ root: fixtureRoot, outDir: here })).rejects.toThrow(/not written by pnpm site/);
  });
});
