/**
 * The markdown-it set-up of the site: raw HTML off (no lesson can inject markup or script),
 * heading ids, callouts (`> [!info] Title`, `> [!NOTE]`, `[!TIP]`, `[!WARNING]`…),
 * build-time highlighting, ```timeline fences and the `[[exercises]]` placeholder.
 * Everything page-specific travels in the render `env` ({@link RenderEnv}).
 *
 * @module
 */
import MarkdownIt from 'markdown-it';
import type { Env, MarkdownIt as Md, Token } from 'markdown-it';
import { escapeHtml } from './escape.ts';
import { highlight } from './highlight.ts';

/** A heading seen while rendering, for the on-page contents and the search index. */
export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** What one render needs from its page and gives back. */
export interface RenderEnv extends Env {
  /** Renders a ```timeline fence; receives the fence body (a path relative to the lesson). */
  timeline?: (relativePath: string) => string;
  /** The HTML put where a line `[[exercises]]` stands, and the headings it holds. */
  exercises?: () => { html: string; headings: Heading[] };
  /** Renders a line `[[steps traces/NAME.json]]` (a recorded event-loop run); receives the path. */
  steps?: (relativePath: string) => string;
  /** Maps a relative link of the text (e.g. `../03-threads/README.md#mutex`) to a site link. */
  link?: (href: string) => string;
  /**
   * Filled by the render: every heading of the page with its id, in document order — the
   * text's own and those of the exercise blocks placed at `[[exercises]]`. The contents
   * list and the search index are built from this list.
   */
  headings: Heading[];
  /** Filled by the render: whether `[[exercises]]` was found. */
  exercisesPlaced: boolean;
  /** Ids already used on the page (e.g. by exercise blocks), so headings do not collide. */
  usedIds: Set<string>;
}

const CALLOUT_KINDS: Readonly<Record<string, string>> = {
  info: 'Info',
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
  example: 'Example',
  question: 'Question',
  summary: 'Summary',
  quote: 'Quote',
};

/**
 * Turns heading text into an id: lower case, letters and digits joined by "-".
 *
 * @example
 * ```ts
 * import { slugify } from './markdown.ts';
 * slugify('Coming from Python'); // 'coming-from-python'
 * ```
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/** Returns `base`, or `base-2`, `base-3`… — the first id not in `used` — and records it. */
export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/**
 * Makes the renderer the site uses for every markdown text.
 *
 * @example
 * ```ts
 * import { createMarkdown, newEnv } from './markdown.ts';
 * const md = createMarkdown();
 * md.render('# Hi <script>', newEnv()); // '<h1 id="hi-script">Hi &lt;script&gt;</h1>\n'
 * ```
 */
export function createMarkdown(): Md {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

  // A line of its own `[[exercises]]` or `[[steps traces/NAME.json]]`: a block the build fills in.
  md.block.ruler.before('paragraph', 'placeholder', (state, startLine, _endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const line = state.src.slice(start, state.eMarks[startLine]).trim();
    if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
    const steps = /^\[\[steps\s+(\S+)\]\]$/.exec(line);
    if (line !== '[[exercises]]' && !steps) return false;
    if (silent) return true;
    const token = state.push(steps ? 'steps_placeholder' : 'exercises_placeholder', '', 0);
    if (steps) token.info = steps[1]!;
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  });
  md.renderer.rules['exercises_placeholder'] = (tokens, idx) => tokens[idx]!.content;
  md.renderer.rules['steps_placeholder'] = (tokens, idx, _options, rawEnv) => {
    const env = pageEnv(rawEnv);
    const target = tokens[idx]!.info;
    return env.steps ? env.steps(target) : `<p>${escapeHtml(`[[steps ${target}]]`)}</p>\n`;
  };

  md.core.ruler.after('inline', 'callouts', (state) => {
    for (let i = 0; i < state.tokens.length; i++) {
      if (state.tokens[i]!.type === 'blockquote_open') markCallout(state.tokens, i);
    }
  });

  md.core.ruler.push('relative_links', (state) => {
    const env = pageEnv(state.env);
    if (!env.link) return;
    for (const block of state.tokens) {
      for (const t of block.children ?? []) {
        const href = t.type === 'link_open' ? t.attrGet('href') : null;
        if (typeof href === 'string' && href !== '' && !href.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(href)) t.attrSet('href', env.link(href));
      }
    }
  });

  // Headings get their ids here, in document order, and the exercise blocks are made here
  // too (not when rendering), so their headings take their place in the one list.
  md.core.ruler.push('heading_ids', (state) => {
    const env = pageEnv(state.env);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      if (open.type === 'exercises_placeholder') {
        env.exercisesPlaced = true;
        const block = env.exercises?.() ?? { html: '', headings: [] };
        open.content = block.html;
        env.headings.push(...block.headings);
        continue;
      }
      if (open.type !== 'heading_open') continue;
      const inline = tokens[i + 1]!;
      const text = (inline.children ?? []).map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('');
      const id = uniqueId(slugify(text), env.usedIds);
      open.attrSet('id', id);
      env.headings.push({ level: Number(open.tag.slice(1)), id, text });
    }
  });

  // A "#" link at the end of every h2–h4, to copy a link to the section.
  md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
    const open = tokens[idx - 2];
    const id = open?.attrGet('id');
    const level = Number(tokens[idx]!.tag.slice(1));
    const link = id && level >= 2 && level <= 4 ? ` <a class="heading-anchor" href="#${escapeHtml(String(id))}" aria-label="Link to this section">#</a>` : '';
    return link + self.renderToken(tokens, idx, options);
  };

  const defaultBlockquoteOpen = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.blockquote_open = (tokens, idx, options) => {
    const token = tokens[idx]!;
    const callout = token.meta as { kind: string; title: string } | null;
    if (!callout) return defaultBlockquoteOpen(tokens, idx, options);
    return `<div class="callout callout-${callout.kind}" role="note"><p class="callout-title">${escapeHtml(callout.title)}</p>\n`;
  };
  md.renderer.rules.blockquote_close = (tokens, idx, options) => {
    // The open token of this quote carries the callout mark; find it by nesting.
    let depth = 0;
    for (let j = idx; j >= 0; j--) {
      const t = tokens[j]!;
      if (t.type === 'blockquote_close') depth++;
      else if (t.type === 'blockquote_open' && --depth === 0) return t.meta ? '</div>\n' : defaultBlockquoteOpen(tokens, idx, options);
    }
    return defaultBlockquoteOpen(tokens, idx, options);
  };

  md.renderer.rules.fence = (tokens, idx, _options, rawEnv) => {
    const env = pageEnv(rawEnv);
    const token = tokens[idx]!;
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    if (lang === 'timeline') {
      const target = token.content.trim();
      if (!env.timeline) return `<pre class="code"><code>${escapeHtml(token.content)}</code></pre>\n`;
      return env.timeline(target);
    }
    return codeBlock(token.content, lang);
  };
  md.renderer.rules.code_block = (tokens, idx) => codeBlock(tokens[idx]!.content, 'text');

  // Tables scroll inside their own box at phone width instead of widening the page.
  md.renderer.rules.table_open = () => '<div class="table-wrap" tabindex="0" role="group" aria-label="Table (scrolls sideways)"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

function pageEnv(env: Env | undefined): RenderEnv {
  const e = env as Partial<RenderEnv> | undefined;
  if (!e || !Array.isArray(e.headings) || !(e.usedIds instanceof Set)) {
    throw new TypeError('markdown: render with newEnv() as the env, so headings and ids can be recorded');
  }
  return e as RenderEnv;
}

/** A fresh render environment. */
export function newEnv(init: Partial<RenderEnv> = {}): RenderEnv {
  return { headings: [], exercisesPlaced: false, usedIds: new Set(), ...init };
}

/**
 * A highlighted `<pre>` block. The language is named in a label for readers and in the
 * class for styling; the block is focusable so keyboard users can scroll it.
 */
export function codeBlock(code: string, lang: string): string {
  const name = lang === '' ? 'text' : lang;
  const body = highlight(code.replace(/\n$/, ''), name);
  return `<div class="code" data-lang="${escapeHtml(name)}"><pre tabindex="0"><code class="language-${escapeHtml(name)}">${body}</code></pre></div>\n`;
}

/**
 * If the quote at `open` starts with `[!kind] optional title`, marks it as a callout and
 * removes the marker line from its first paragraph.
 */
function markCallout(tokens: Token[], open: number): void {
  const paragraph = tokens[open + 1];
  const inline = tokens[open + 2];
  if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline' || !inline.children) return;
  const m = /^\[!([A-Za-z]+)\][ \t]*([^\n]*)/.exec(inline.content);
  if (!m) return;
  const kind = m[1]!.toLowerCase();
  const known = CALLOUT_KINDS[kind];
  const title = m[2]!.trim() || known || kind[0]!.toUpperCase() + kind.slice(1);
  tokens[open]!.meta = { kind: known ? kind : 'note', title };
  // Drop the children up to and including the first line break: that line was the marker.
  const children = inline.children;
  const br = children.findIndex((t: Token) => t.type === 'softbreak' || t.type === 'hardbreak');
  inline.children = br === -1 ? [] : children.slice(br + 1);
  inline.content = inline.content.slice(m[0].length).replace(/^\n/, '');
  if (inline.children.length === 0) {
    paragraph.hidden = true;
    const close = tokens[open + 3];
    if (close?.type === 'paragraph_close') close.hidden = true;
  }
}
