/**
 * A small build-time syntax highlighter for the languages the lessons use (ts, js, sh,
 * python, json, text). It costs the reader no JavaScript: the output is `<span>`s with
 * short classes (`hl-k` keyword, `hl-s` string, `hl-c` comment, `hl-n` number, `hl-f`
 * function call, `hl-t` type, `hl-p` property key) that the stylesheet colours in the light
 * and the dark theme. It is a tokenizer, not a parser: good enough to read, never wrong
 * about what the text is (every character is escaped and kept).
 *
 * @module
 */
import { escapeHtml } from './escape.ts';

type Rule = readonly [cls: string, pattern: RegExp];

const TS_KEYWORDS =
  'abstract|as|async|await|break|case|catch|class|const|continue|debugger|declare|default|delete|do|else|enum|export|extends|false|finally|for|from|function|get|if|implements|import|in|instanceof|interface|keyof|let|new|null|of|private|protected|public|readonly|return|satisfies|set|static|super|switch|this|throw|true|try|type|typeof|undefined|using|var|void|while|yield';
const PY_KEYWORDS =
  'False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|self|print';
const SH_KEYWORDS = 'if|then|else|fi|for|do|done|while|case|esac|in|function|export|cd|echo|npm|npx|pnpm|node|tsx|python3?|git';

const TS_RULES: readonly Rule[] = [
  ['hl-c', /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
  ['hl-s', /`(?:\\[\s\S]|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/y],
  ['hl-n', /\b(?:0[xob][\da-f_]+n?|\d[\d_]*(?:\.\d[\d_]*)?(?:e[+-]?\d+)?n?)\b/iy],
  ['hl-k', new RegExp(`\\b(?:${TS_KEYWORDS})\\b`, 'y')],
  ['hl-t', /\b[A-Z][A-Za-z0-9_]*\b/y],
  ['hl-f', /\b[a-zA-Z_$][\w$]*(?=\s*\()/y],
];

const PY_RULES: readonly Rule[] = [
  ['hl-c', /#[^\n]*/y],
  ['hl-s', /(?:[rbfu]{0,2})(?:"""[\s\S]*?"""|'''[\s\S]*?'''|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")/iy],
  ['hl-n', /\b\d[\d_]*(?:\.\d[\d_]*)?(?:e[+-]?\d+)?j?\b/iy],
  ['hl-k', new RegExp(`\\b(?:${PY_KEYWORDS})\\b`, 'y')],
  ['hl-t', /@[\w.]+|\b[A-Z][A-Za-z0-9_]*\b/y],
  ['hl-f', /\b[a-zA-Z_][\w]*(?=\s*\()/y],
];

const SH_RULES: readonly Rule[] = [
  ['hl-c', /(?<![\w$])#[^\n]*/y],
  ['hl-s', /'[^'\n]*'|"(?:\\.|[^"\\\n])*"/y],
  ['hl-t', /\$\{?[\w@#?]+\}?/y],
  ['hl-k', new RegExp(`(?<![\\w-])(?:${SH_KEYWORDS})(?![\\w-])`, 'y')],
  ['hl-n', /(?<![\w-])--?[a-zA-Z][\w-]*/y],
];

const JSON_RULES: readonly Rule[] = [
  ['hl-p', /"(?:\\.|[^"\\\n])*"(?=\s*:)/y],
  ['hl-s', /"(?:\\.|[^"\\\n])*"/y],
  ['hl-n', /-?\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/iy],
  ['hl-k', /\b(?:true|false|null)\b/y],
];

const LANGUAGES: Readonly<Record<string, readonly Rule[]>> = {
  ts: TS_RULES,
  typescript: TS_RULES,
  js: TS_RULES,
  javascript: TS_RULES,
  mjs: TS_RULES,
  python: PY_RULES,
  py: PY_RULES,
  sh: SH_RULES,
  bash: SH_RULES,
  shell: SH_RULES,
  json: JSON_RULES,
};

/** The language names {@link highlight} colours; anything else is escaped plain text. */
export const highlightedLanguages: readonly string[] = Object.keys(LANGUAGES);

/**
 * Returns `code` as HTML: escaped, with token spans for a known `lang`.
 *
 * @example
 * ```ts
 * import { highlight } from './highlight.ts';
 * highlight('const x = 1;', 'ts'); // '<span class="hl-k">const</span> x = <span class="hl-n">1</span>;'
 * ```
 */
export function highlight(code: string, lang: string): string {
  if (typeof code !== 'string') throw new TypeError(`highlight: code must be a string, got ${typeof code}`);
  const rules = LANGUAGES[lang.toLowerCase()];
  if (!rules) return escapeHtml(code);
  let out = '';
  let plain = '';
  let i = 0;
  // Identifiers are skipped whole so that a keyword inside a longer word is not coloured.
  const word = /[A-Za-z0-9_$]+/y;
  outer: while (i < code.length) {
    for (const [cls, pattern] of rules) {
      pattern.lastIndex = i;
      const m = pattern.exec(code);
      if (m && m[0].length > 0) {
        if (plain) {
          out += escapeHtml(plain);
          plain = '';
        }
        out += `<span class="${cls}">${escapeHtml(m[0])}</span>`;
        i += m[0].length;
        continue outer;
      }
    }
    word.lastIndex = i;
    const w = word.exec(code);
    const step = w ? w[0].length : 1;
    plain += code.slice(i, i + step);
    i += step;
  }
  return out + escapeHtml(plain);
}
