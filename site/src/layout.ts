/**
 * The page template: header with search and theme toggle, the lessons sidebar, the main
 * text, the on-page contents, prev/next links. Every page sits in one folder, so links
 * are plain file names and the site works from `file://`.
 *
 * @module
 */
import { escapeHtml } from './escape.ts';

/** One entry of the sidebar and of the prev/next chain. */
export interface NavEntry {
  href: string;
  /** Short label, e.g. "00 · Warm-up". */
  label: string;
  title: string;
}

/** What {@link renderLayout} needs for one page. */
export interface PageInput {
  href: string;
  title: string;
  description: string;
  /** The page's main HTML. */
  body: string;
  /** On-page contents: [id, text, level]. Empty: none shown. */
  toc: readonly { id: string; text: string; level: number }[];
  nav: readonly NavEntry[];
  prev?: NavEntry | undefined;
  next?: NavEntry | undefined;
  /** Serve mode only: reload the page when the server says the site was rebuilt. */
  liveReload?: boolean;
}

// Runs before the first paint: picks the stored theme (or none: the system's) so a dark
// page never flashes white, and marks that JavaScript runs so JS-only controls show.
const HEAD_SCRIPT =
  "(function(){var d=document.documentElement;d.className='js';try{var t=localStorage.getItem('interleave-theme');if(t==='dark'||t==='light')d.setAttribute('data-theme',t)}catch(e){}})()";

const RELOAD_SCRIPT = "new EventSource('/__events').onmessage=function(){location.reload()}";

/** The site's name, shown in the header and in every title. */
export const SITE_NAME = 'Interleave';

/** Renders one complete HTML page. */
export function renderLayout(page: PageInput): string {
  const sidebar = page.nav
    .map((entry) => {
      const current = entry.href === page.href ? ' aria-current="page"' : '';
      return `<li><a href="${escapeHtml(entry.href)}"${current}>${escapeHtml(entry.label)}</a></li>`;
    })
    .join('\n');
  const toc =
    page.toc.length === 0
      ? ''
      : `<nav class="toc" aria-label="On this page"><p class="toc-title">On this page</p><ul>\n${page.toc
          .map((h) => `<li class="toc-${h.level}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`)
          .join('\n')}\n</ul></nav>`;
  const pager =
    page.prev || page.next
      ? `<nav class="pager" aria-label="Previous and next page">${
          page.prev ? `<a rel="prev" href="${escapeHtml(page.prev.href)}"><span class="pager-dir">← Previous</span> <span class="pager-title">${escapeHtml(page.prev.title)}</span></a>` : '<span></span>'
        }${
          page.next ? `<a rel="next" href="${escapeHtml(page.next.href)}"><span class="pager-dir">Next →</span> <span class="pager-title">${escapeHtml(page.next.title)}</span></a>` : ''
        }</nav>`
      : '';
  const title = page.title === SITE_NAME ? SITE_NAME : `${page.title} · ${SITE_NAME}`;
  return `<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(page.description)}">
<link rel="icon" href="data:,">
<script>${HEAD_SCRIPT}</script>
<link rel="stylesheet" href="assets/style.css">
<script src="assets/app.js" defer></script>${page.liveReload ? `\n<script>${RELOAD_SCRIPT}</script>` : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
<a class="brand" href="index.html">${SITE_NAME}</a>
<div class="search js-only" role="search">
<label class="sr-only" for="search-input">Search the lessons</label>
<input id="search-input" type="search" placeholder="Search (press /)" autocomplete="off" spellcheck="false" aria-describedby="search-status" aria-controls="search-results">
<p id="search-status" class="sr-only" aria-live="polite"></p>
<ul id="search-results" class="search-results" hidden></ul>
</div>
<a class="menu-link" href="#sidebar">Lessons</a>
<button type="button" id="theme-toggle" class="theme-toggle js-only" aria-label="Switch to the dark theme">◐</button>
</header>
<div class="layout">
<nav id="sidebar" class="sidebar" aria-label="Lessons"><ul>
${sidebar}
</ul></nav>
<main id="main" tabindex="-1">
${page.body}
${pager}
</main>
${toc}
</div>
<footer class="site-footer"><p>${SITE_NAME} — built by <code>pnpm site</code> from the lessons in this repository. Keys: <kbd>←</kbd> <kbd>→</kbd> previous / next page, <kbd>/</kbd> search.</p></footer>
</body>
</html>
`;
}
