/**
 * The offline search index: one entry per section (a heading and the text up to the next
 * one), written as a script file (`search-index.js`) so that it loads from `file://`
 * too, where `fetch` of a local file is refused. The client loads it on first use.
 *
 * @module
 */
import { escapeHtml } from './escape.ts';
import type { Heading } from './markdown.ts';

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
 * One entry per `h1`–`h3` of the page: the heading as the markdown pass (or the page's
 * builder) recorded it, and the text from that heading to the next one. The headings are
 * found in the HTML by their ids, never by parsing it. Code blocks, SVG, step tables and
 * spoilers are left out of the text: search finds prose, headings and hints.
 *
 * @example
 * ```ts
 * import { sectionsOf } from './search-index.ts';
 * sectionsOf('<h1 id="t">T</h1><p>a</p><h2 id="b">B</h2><p>c</p>', [{ id: 't', text: 'T', level: 1 }, { id: 'b', text: 'B', level: 2 }], 'x.html', 'T');
 * // [{ u: 'x.html', h: 'T', p: 'T', t: 'a', l: 1 }, { u: 'x.html#b', h: 'B', p: 'T', t: 'c', l: 2 }]
 * ```
 */
export function sectionsOf(html: string, headings: readonly Heading[], href: string, pageTitle: string): SearchEntry[] {
  const placed = headings
    .filter((h) => h.level <= 3)
    .map((h) => {
      const open = `<h${h.level} id="${escapeHtml(h.id)}"`;
      const at = html.indexOf(open);
      if (at === -1) throw new Error(`search index: ${href} has no ${open}> for the heading "${h.text}"`);
      return { h, at, body: html.indexOf('>', at) + 1 };
    })
    .sort((a, b) => a.at - b.at);
  return placed.map(({ h, body }, i) => {
    const end = i + 1 < placed.length ? placed[i + 1]!.at : html.length;
    const section = html.slice(body, end).replace(/^[\s\S]*?<\/h[1-3]>/, '');
    return { u: h.level === 1 ? href : `${href}#${h.id}`, h: h.text, p: pageTitle, t: htmlToText(clean(section)), l: h.level };
  });
}

/** What search leaves out: spoilers, code, pictures, step tables, the pager. */
function clean(html: string): string {
  return html
    .replace(/<details class="solution">[\s\S]*?<\/details>/g, ' ')
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<figure class="steps"[\s\S]*?<\/figure>/g, ' ')
    .replace(/<nav class="pager"[\s\S]*?<\/nav>/g, ' ')
    .replace(/<a class="heading-anchor"[^>]*>#<\/a>/g, '');
}

/** The index file's content: a script that defines `window.interleaveSearchIndex`. */
export function searchIndexScript(entries: readonly SearchEntry[]): string {
  // `</` is escaped so the JSON can never close a script element.
  return `window.interleaveSearchIndex=${JSON.stringify(entries).replace(/<\//g, '<\\/')};\n`;
}
