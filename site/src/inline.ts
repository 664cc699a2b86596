import MarkdownIt from 'markdown-it';

// Hints, summaries and questions in lesson.json may use inline markdown (`code`, *em*).
const inlineMd = new MarkdownIt({ html: false, linkify: false });

/**
 * Renders one line of inline markdown (no paragraphs, raw HTML escaped).
 *
 * @example
 * ```ts
 * import { renderInline } from './inline.ts';
 * renderInline('call `f()` <b>'); // 'call <code>f()</code> &lt;b&gt;'
 * ```
 */
export function renderInline(text: string): string {
  return inlineMd.renderInline(text);
}

/** Inline markdown as plain text (for titles, the search index and attributes). */
export function inlineToText(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1');
}
