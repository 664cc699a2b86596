/**
 * The offline search index: one entry per section (a heading and the text up to the next
 * one), written as a script file (`search-index.js`) so that it loads from `file://`
 * too, where `fetch` of a local file is refused. The client loads it on first use.
 *
 * @module
 */

/** One searchable section. Short keys keep the file small. */
export interface SearchEntry {
  /** Link: page and anchor. */
  u: string;
  /** The section heading. */
  h: string;
  /** The page title. */
  p: string;
  /** The section's plain text. */
  t: string;
  /** The heading's level (1: the page itself). */
  l: number;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** HTML to plain text: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits a page's main HTML into sections at every `h1`–`h3` with an id. Code blocks,
 * SVG and spoilers are left out of the text: search finds prose, headings and hints.
 */
export function sectionsOf(html: string, href: string, pageTitle: string): SearchEntry[] {
  const cleaned = html
    .replace(/<details class="solution">[\s\S]*?<\/details>/g, ' ')
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<nav class="pager"[\s\S]*?<\/nav>/g, ' ')
    .replace(/<a class="heading-anchor"[^>]*>#<\/a>/g, '');
  const entries: SearchEntry[] = [];
  const heading = /<h([1-3])[^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g;
  const found = [...cleaned.matchAll(heading)];
  found.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < found.length ? found[i + 1]!.index! : cleaned.length;
    const anchor = m[1] === '1' ? href : `${href}#${m[2]}`;
    entries.push({ u: anchor, h: htmlToText(m[3]!), p: pageTitle, t: htmlToText(cleaned.slice(start, end)), l: Number(m[1]) });
  });
  return entries;
}

/** The index file's content: a script that defines `window.interleaveSearchIndex`. */
export function searchIndexScript(entries: readonly SearchEntry[]): string {
  // `</` is escaped so the JSON can never close a script element.
  return `window.interleaveSearchIndex=${JSON.stringify(entries).replace(/<\//g, '<\\/')};\n`;
}
