/**
 * Screenshots of the home page and one lesson page, light and dark, at desktop and phone
 * width: `pnpm --filter @interleave/site screenshot` (or `tsx site/tools/screenshot.ts [lesson]`).
 * Builds the site into a temporary folder first; writes PNGs to site/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSite } from '../src/build.ts';
import { launchBrowser } from '../test/browser.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '..', 'screenshots');
const tmp = mkdtempSync(path.join(tmpdir(), 'interleave-shots-'));
try {
  const built = await buildSite({ outDir: path.join(tmp, 'site') });
  const wanted = process.argv[2];
  const lesson = built.pages.find((p) => p.kind === 'lesson' && (!wanted || p.href.startsWith(wanted))) ?? built.pages.find((p) => p.kind === 'lesson');
  const pages = [{ name: 'home', href: 'index.html' }, ...(lesson ? [{ name: 'lesson', href: lesson.href }] : []), { name: 'bench', href: 'benchmarks.html' }];
  const sizes = [
    { name: 'desktop', viewport: { width: 1280, height: 900 }, full: false },
    { name: 'phone', viewport: { width: 390, height: 844 }, full: false },
  ];
  mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const size of sizes) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: size.viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const p of pages) {
          await page.goto(pathToFileURL(path.join(built.outDir, p.href)).href);
          const file = path.join(outDir, `${p.name}-${scheme}-${size.name}.png`);
          await page.screenshot({ path: file, fullPage: size.full });
          console.log(path.relative(process.cwd(), file));
        }
        // One more of the lesson further down, where the timeline and exercises are.
        if (lesson) {
          await page.goto(pathToFileURL(path.join(built.outDir, lesson.href)).href);
          for (const anchor of ['figure.trace', 'figure.steps', '.exercise']) {
            const el = page.locator(anchor).first();
            if ((await el.count()) === 0) continue;
            await el.scrollIntoViewIfNeeded();
            await page.evaluate(() => window.scrollBy(0, -80));
            const file = path.join(outDir, `lesson-${anchor.replace(/\W+/g, '')}-${scheme}-${size.name}.png`);
            await page.screenshot({ path: file });
            console.log(path.relative(process.cwd(), file));
          }
        }
        // The search box with results open.
        await page.goto(pathToFileURL(path.join(built.outDir, 'index.html')).href);
        await page.focus('#search-input');
        await page.keyboard.type('promise');
        await page.waitForSelector('#search-results:not([hidden])');
        const searchShot = path.join(outDir, `search-${scheme}-${size.name}.png`);
        await page.screenshot({ path: searchShot });
        console.log(path.relative(process.cwd(), searchShot));
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
