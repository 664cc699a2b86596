// temporary (not committed): screenshots of the sections this branch changed
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './test/browser.ts';
const shots: Array<[string, string, string]> = [
  ['00-warmup.html', 'Python has no promises', '00-coming-from-python'],
  ['00-warmup.html', 'So `gather` is what starts', '00-gather'],
  ['01-parallelism.html', 'is not the Unix', '01-fork'],
  ['01-parallelism.html', 'The article says CPython', '01-article-claim'],
  ['01-parallelism.html', 'Keep the `__main__` guard', '01-python-guard'],
  ['03-threads.html', 'Two worker threads add 1', '03-demo'],
  ['03-threads.html', 'Two names for two things', '03-data-race'],
  ['03-threads.html', 'checks once that the word', '03-wait'],
  ['03-threads.html', 'Order matters as well', '03-order'],
  ['03-threads.html', 'The asynchronous `fs`', '03-libuv'],
  ['03-threads.html', 'The surprise for Python', '03-python-race'],
  ['03-threads.html', 'The GIL also lets go', '03-gil-release'],
];
const browser = await launchBrowser();
for (const width of [1280, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const [href, text, name] of shots) {
    await page.goto(pathToFileURL(`/tmp/truth-site/${href}`).href);
    const needle = text.replace(/`/g, '');
    const loc = page.locator('p, li, td, blockquote, .callout').filter({ hasText: needle }).first();
    await loc.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.screenshot({ path: `/tmp/truth-shots/${name}-${width}.png` });
  }
  await page.close();
}
await browser.close();
console.log('done');
