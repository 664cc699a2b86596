/**
 * Finds and starts Debian's Chromium for the browser tests and the screenshot script.
 * Never downloads a browser: `CHROMIUM_PATH`, else `/usr/bin/chromium`.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is, or undefined when it is not installed. A set `CHROMIUM_PATH` is the only place looked at. */
export function findChromium(): string | undefined {
  const chosen = process.env['CHROMIUM_PATH'];
  const candidates = chosen ? [chosen] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}

/** What to do when it is missing: the message says how to install it. */
export const MISSING_BROWSER =
  'Chromium not found (looked at $CHROMIUM_PATH when it is set, otherwise /usr/bin/chromium and /usr/bin/chromium-browser). Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH); the site tests never download a browser.';

/**
 * Launches headless Chromium with no background network traffic.
 *
 * @example
 * ```ts
 * import { launchBrowser } from './browser.ts';
 * const browser = await launchBrowser();
 * await browser.close();
 * ```
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_BROWSER);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}
