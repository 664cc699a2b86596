// The site in a real headless Chromium (Debian's, driven by playwright-core): every page of
// the fixture course and of the real lessons, links and anchors, search, keys, theme,
// file://, no JavaScript, and axe-core in light and dark.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../src/build.ts';
import { startStaticServer, type StaticServer } from '../src/serve.ts';
import { findChromium, launchBrowser, MISSING_BROWSER } from './browser.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureRoot = path.join(here, 'fixtures', 'root');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const chromiumPath = findChromium();
if (!chromiumPath && !process.env['CI']) {
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING the site's browser tests: ${MISSING_BROWSER}\n${'!'.repeat(78)}\n`);
}

it.runIf(!chromiumPath && process.env['CI'])('has a browser in CI', () => {
  throw new Error(`${MISSING_BROWSER} In CI the browser tests never skip; .ci/run installs it.`);
});

interface Visit {
  url: string;
  ids: string[];
  links: string[];
  problems: string[];
}

interface Site {
  build: BuildResult;
  server: StaticServer;
  visits: Map<string, Visit>;
}

describe.skipIf(!chromiumPath)('the site in Chromium', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'interleave-site-browser-'));
  let browser: Browser;
  let fixture: Site;
  let real: Site;

  /** Opens a page that records console errors, page errors, failed requests, 4xx/5xx and requests to other hosts. */
  async function watchedPage(context: BrowserContext, origin: string, problems: string[]): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`request to another host: ${url}`);
    });
    return page;
  }

  /** Loads every page once, collecting problems, ids and links. */
  async function crawl(build: BuildResult, server: StaticServer): Promise<Map<string, Visit>> {
    const context = await browser.newContext();
    const visits = new Map<string, Visit>();
    for (const p of build.pages) {
      const problems: string[] = [];
      const page = await watchedPage(context, server.url, problems);
      const url = new URL(p.href, server.url).href;
      await page.goto(url, { waitUntil: 'load' });
      // Use the search box (on the first page: the scripts are the same on all) so its lazy scripts load and run too.
      if (visits.size === 0) {
        await page.focus('#search-input');
        await page.keyboard.type('promise');
        await page.waitForSelector('#search-results:not([hidden])');
      }
      const { ids, links } = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      }));
      visits.set(url, { url, ids, links, problems });
      await page.close();
    }
    await context.close();
    return visits;
  }

  async function setUp(name: string, root?: string, benchDir?: string): Promise<Site> {
    const build = await buildSite({ outDir: path.join(tmp, name), ...(root ? { root } : {}), ...(benchDir ? { benchDir } : {}) });
    const server = await startStaticServer(build.outDir);
    return { build, server, visits: await crawl(build, server) };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    fixture = await setUp('fixture', fixtureRoot, path.join(fixtureRoot, 'bench'));
    real = await setUp('real');
  });

  afterAll(async () => {
    await browser?.close();
    await fixture?.server.close();
    await real?.server.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const which of ['fixture', 'real'] as const) {
    it(`loads every ${which} page with no console error, failed request or request to another host`, () => {
      const site = which === 'fixture' ? fixture : real;
      expect(site.visits.size).toBe(site.build.pages.length);
      const problems = [...site.visits.values()].flatMap((v) => v.problems.map((p) => `${v.url}: ${p}`));
      expect(problems).toEqual([]);
    });

    it(`resolves every internal link and #anchor of the ${which} site`, () => {
      const site = which === 'fixture' ? fixture : real;
      const broken: string[] = [];
      let checked = 0;
      for (const visit of site.visits.values()) {
        for (const link of visit.links) {
          const target = new URL(link);
          // Links out are fine (only requests to other hosts are not); they are not followed.
          if (target.origin !== new URL(site.server.url).origin) continue;
          const page = site.visits.get(`${target.origin}${target.pathname}`);
          checked++;
          if (!page) broken.push(`${visit.url}: ${link} is not a page of the site`);
          else if (target.hash && !page.ids.includes(decodeURIComponent(target.hash.slice(1)))) broken.push(`${visit.url}: ${link} has no such anchor`);
        }
      }
      expect(broken).toEqual([]);
      expect(checked).toBeGreaterThan(site.visits.size * 3);
    });
  }

  async function search(page: Page, query: string): Promise<string[]> {
    await page.fill('#search-input', '');
    await page.focus('#search-input');
    await page.keyboard.type(query);
    // The status line names the query its results are for, so old results never count.
    await page.waitForFunction((q) => (document.getElementById('search-status')?.textContent ?? '').endsWith(`for “${q}”`), query);
    return page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  }

  it('search finds the right section, also for prefixes and misspellings', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('01-limits.html', fixture.server.url).href);
    const table: [query: string, expected: string][] = [
      ['semaphores', '00-basics.html#semaphores-limit-concurrency'],
      ['semaphrose', '00-basics.html#semaphores-limit-concurrency'], // a swap
      ['semafores', '00-basics.html#semaphores-limit-concurrency'], // a wrong letter
      ['backpress', '00-basics.html#backpressure-keeps-queues-short'], // a prefix
      ['zymurgical', '00-basics.html#backpressure-keeps-queues-short'], // a word in the text only
      ['starvation', '01-limits.html#starvation'],
      ['starvaton', '01-limits.html#starvation'],
      ['gevent greenlets', '01-limits.html#coming-from-python'], // two words, both must match
      ['count words', '00-basics.html#exercise-01-count-words'],
      ['arrival order', '01-limits.html#exercise-01-fair-queue'], // from a hint
    ];
    const wrong: string[] = [];
    for (const [query, expected] of table) {
      const hrefs = await search(page, query);
      if (hrefs[0] !== expected) wrong.push(`"${query}": expected ${expected} first, got ${JSON.stringify(hrefs.slice(0, 3))}`);
    }
    expect(wrong).toEqual([]);
    expect(await search(page, 'qwertyuiop')).toEqual([]);
    expect(await page.textContent('#search-results')).toContain('Nothing found');
    // Enter follows the first result.
    await search(page, 'semaphores');
    await Promise.all([page.waitForURL(/00-basics\.html#semaphores-limit-concurrency$/), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('does not load the search index until the search box is used', async () => {
    const page = await browser.newPage();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(path.basename(new URL(r.url()).pathname)));
    await page.goto(new URL('00-basics.html', fixture.server.url).href);
    expect(loaded).not.toContain('search-index.js');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.waitForFunction(() => 'interleaveSearch' in window);
    expect(loaded).toContain('search-index.js');
    await page.close();
  });

  it('goes to the previous and next page with ← and →', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('00-basics.html', fixture.server.url).href);
    await Promise.all([page.waitForURL(/01-limits\.html$/), page.keyboard.press('ArrowRight')]);
    await Promise.all([page.waitForURL(/benchmarks\.html$/), page.keyboard.press('ArrowRight')]);
    await Promise.all([page.waitForURL(/01-limits\.html$/), page.keyboard.press('ArrowLeft')]);
    await Promise.all([page.waitForURL(/00-basics\.html$/), page.keyboard.press('ArrowLeft')]);
    await Promise.all([page.waitForURL(/index\.html$/), page.keyboard.press('ArrowLeft')]);
    // Typing in the search box does not navigate.
    await page.focus('#search-input');
    await page.keyboard.press('ArrowRight');
    expect(page.url()).toMatch(/index\.html$/);
    // Nor do the arrows in a focused figure or table, which scroll it sideways instead.
    await page.goto(new URL('00-basics.html', fixture.server.url).href);
    await page.focus('figure.trace .scroll-x');
    await page.keyboard.press('ArrowRight');
    expect(page.url()).toMatch(/00-basics\.html$/);
    await page.goto(new URL('benchmarks.html', fixture.server.url).href);
    await page.focus('.table-wrap');
    await page.keyboard.press('ArrowLeft');
    expect(page.url()).toMatch(/benchmarks\.html$/);
    await page.close();
  });

  it('offers a skip link as the first stop of the keyboard, and prints without navigation', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('00-basics.html', fixture.server.url).href);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.className)).toBe('skip-link');
    expect(await page.isVisible('.skip-link')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement.id)).toBe('main');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.sidebar')).toBe(false);
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.isVisible('main h1')).toBe(true);
    await page.close();
  });

  const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('follows the system theme, and the toggle persists across reloads without a flash', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const url = new URL('00-basics.html', fixture.server.url).href;
    await page.goto(url);
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    await page.click('#theme-toggle');
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    // Hold app.js back: the stored theme must already apply before it runs (no flash).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/app.js', async (route) => {
      await held;
      await route.continue();
    });
    // DOMContentLoaded waits for deferred scripts, so wait for the parsed footer instead.
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('footer', { state: 'attached' });
    expect(await page.evaluate(() => 'interleaveSearch' in window || document.getElementById('theme-toggle')!.title !== '')).toBe(false);
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    release();
    await page.waitForFunction(() => document.getElementById('theme-toggle').title !== '');
    await page.unroute('**/assets/app.js');
    await page.click('#theme-toggle');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('#theme-toggle', 'aria-label')).toBe('Switch to the light theme');
    await context.close();
  });

  it('works from file://: pages, links, search and theme', async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    const page = await watchedPage(context, 'file://', problems);
    await page.goto(pathToFileURL(path.join(fixture.build.outDir, 'index.html')).href);
    await Promise.all([page.waitForURL(/00-basics\.html$/), page.click('.course-map a[href="00-basics.html"]')]);
    expect(await page.textContent('h1')).toContain('Basics');
    expect(await search(page, 'starvaton')).toContain('01-limits.html#starvation');
    await page.click('#theme-toggle');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.locator('figure.trace svg').count()).toBe(1);
    // The step-through view runs from file:// too.
    await page.goto(pathToFileURL(path.join(fixture.build.outDir, '01-limits.html')).href);
    await page.click('.steps-next');
    expect(await page.textContent('.steps-pos')).toBe('Step 2 of 6: A');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads without JavaScript: text, timeline, exercises, hints one at a time', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('00-basics.html', fixture.server.url).href);
    expect(await page.isVisible('h1')).toBe(true);
    expect(await page.isVisible('figure.trace svg')).toBe(true);
    expect(await page.isVisible('#search-input')).toBe(false); // needs JS, so it is not shown
    expect(await page.isVisible('.exercise .code')).toBe(true);
    const hint1 = page.locator('.exercise .hints > details.hint');
    const hint2 = hint1.locator('> .hint-body > details.hint');
    expect(await hint1.locator('> .hint-body').isVisible()).toBe(false);
    await hint1.locator('> summary').click();
    expect(await hint1.locator('> .hint-body > p').isVisible()).toBe(true);
    expect(await hint2.locator('> .hint-body').isVisible()).toBe(false);
    await hint2.locator('> summary').click();
    expect(await hint2.locator('> .hint-body > p').isVisible()).toBe(true);
    const solution = page.locator('details.solution');
    expect(await solution.locator('.code').isVisible()).toBe(false);
    await solution.locator('summary').click();
    expect(await solution.locator('.code').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    await context.close();
  });

  it('reads the step-through view without JavaScript: a table of every step', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('01-limits.html', fixture.server.url).href);
    expect(await page.locator('.steps-player').count()).toBe(0);
    expect(await page.isVisible('figure.steps .steps-table table')).toBe(true);
    expect(await page.locator('figure.steps tbody tr').count()).toBe(6);
    expect(await page.locator('figure.steps tbody tr').nth(4).textContent()).toContain('Nothing was ready: the virtual clock jumped to the earliest timer.');
    await context.close();
  });

  it('steps through a recorded event-loop run with buttons and ← / →, without leaving the page', async () => {
    const page = await browser.newPage();
    const url = new URL('01-limits.html', fixture.server.url).href;
    await page.goto(url);
    const pos = () => page.textContent('.steps-pos');
    const items = (slot: string) => page.$$eval(`.steps-${slot} li`, (lis) => lis.map((li) => li.textContent));
    expect(await pos()).toBe('Step 1 of 6: main()');
    expect(await page.getAttribute('.steps-prev', 'aria-disabled')).toBe('true');
    await page.click('.steps-next');
    expect(await pos()).toBe('Step 2 of 6: A');
    expect(await items('ready')).toEqual(['B', 'C']);
    expect(await items('timers')).toEqual(['5 ms: T2', '10 ms: T1']); // the heap's order, not the recorded one
    expect(await page.textContent('.steps-output pre')).toBe('main: schedule A, B, T1 in 10 ms, T2 in 5 ms\nA: schedule C');
    expect(await page.textContent('.steps-player .steps-note')).toBe('A scheduled C. C joins the ready queue, but iteration 1 runs only what was ready when it began: A and B.');
    // The keys move the player while it has focus; the page stays where it is.
    await page.focus('.steps-player');
    await page.keyboard.press('ArrowRight');
    expect(await pos()).toBe('Step 3 of 6: B');
    expect(await items('ready')).toEqual(['C']);
    await page.keyboard.press('End');
    expect(await pos()).toBe('Step 6 of 6: T1');
    expect(await page.getAttribute('.steps-next', 'aria-disabled')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await pos()).toBe('Step 6 of 6: T1');
    await page.keyboard.press('ArrowLeft');
    expect(await pos()).toBe('Step 5 of 6: T2');
    await page.click('.steps-prev');
    expect(await pos()).toBe('Step 4 of 6: C');
    await page.keyboard.press('Home');
    expect(await pos()).toBe('Step 1 of 6: main()');
    expect(page.url()).toBe(url);
    // The table of every step is still there, folded.
    expect(await page.locator('details.steps-all .steps-table').count()).toBe(1);
    await page.close();
  });

  it('at 390 px every figure stays readable: drawn text ≥ 11 px, and what is wider than the column scrolls in its own box (issue 11 item 16)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let figures = 0;
    for (const site of [fixture, real]) {
      for (const p of site.build.pages) {
        await page.goto(new URL(p.href, site.server.url).href);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d: { open: boolean }) => (d.open = true)));
        const found = await page.evaluate(() => {
          const out: string[] = [];
          const main = document.querySelector('main').getBoundingClientRect();
          const svgs = [...document.querySelectorAll('main svg')];
          for (const svg of svgs) {
            const box = svg.getBoundingClientRect();
            const vb = svg.viewBox && svg.viewBox.baseVal;
            const scale = vb && vb.width ? box.width / vb.width : 1;
            for (const t of svg.querySelectorAll('text')) {
              const px = parseFloat(getComputedStyle(t).fontSize) * scale;
              if (px < 11) {
                out.push(`${svg.closest('figure')?.id ?? 'svg'}: text "${t.textContent}" drawn at ${px.toFixed(1)} px`);
                break;
              }
            }
          }
          for (const el of [...svgs, ...document.querySelectorAll('main table')]) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || (r.left >= main.left - 1 && r.right <= main.right + 1)) continue;
            let box = el.parentElement;
            let scrolls = false;
            while (box && box.tagName !== 'MAIN') {
              const o = getComputedStyle(box).overflowX;
              if ((o === 'auto' || o === 'scroll') && box.scrollWidth > box.clientWidth) {
                const b = box.getBoundingClientRect();
                scrolls = b.left >= main.left - 1 && b.right <= main.right + 1;
                break;
              }
              box = box.parentElement;
            }
            if (!scrolls) out.push(`${el.tagName.toLowerCase()} in ${el.closest('figure, .table-wrap, details')?.className ?? 'main'} is ${Math.round(r.width)} px wide and clipped (no scroll box)`);
          }
          return { out, count: svgs.length + document.querySelectorAll('main table').length };
        });
        figures += found.count;
        problems.push(...found.out.map((o: string) => `${p.href}: ${o}`));
      }
    }
    expect(problems).toEqual([]);
    expect(figures).toBeGreaterThan(10);
    await context.close();
  });

  it('fits a phone: no sideways scrolling of the page', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const site of [fixture, real]) {
      for (const p of site.build.pages) {
        await page.goto(new URL(p.href, site.server.url).href);
        const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
        if (scroll > width) wide.push(`${p.href}: ${scroll}px wide in ${width}px`);
      }
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it('has no axe-core violations, in the light and in the dark theme', async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    const pages = [
      ...fixture.build.pages.map((p) => new URL(p.href, fixture.server.url).href),
      ...real.build.pages.map((p) => new URL(p.href, real.server.url).href),
    ];
    for (const url of pages) {
      await page.goto(url);
      // Open every hint, solution and table so hidden content is checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d: { open: boolean }) => (d.open = true)));
      await page.addScriptTag({ path: axePath });
      for (const theme of ['light', 'dark']) {
        const violations = await page.evaluate(async (t) => {
          document.documentElement.setAttribute('data-theme', t);
          type Axe = { run: (c: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
          const result = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }, theme);
        for (const v of violations) found.push(`${url} (${theme}): ${v}`);
      }
    }
    // And with the search results open.
    await page.goto(new URL('00-basics.html', fixture.server.url).href);
    await search(page, 'semaphore');
    await page.addScriptTag({ path: axePath });
    for (const theme of ['light', 'dark']) {
      const violations = await page.evaluate(async (t) => {
        document.documentElement.setAttribute('data-theme', t);
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }, theme);
      for (const v of violations) found.push(`search results (${theme}): ${v}`);
    }
    expect(found).toEqual([]);
    await page.close();
  }, 90_000);
});
