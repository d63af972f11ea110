import type { Element, ElementContent } from 'hast';
import { inertText } from '../../page/inline.js';
import { isChrome, MAX_DEPTH, textContent } from './content.js';

/**
 * HTML inline content → the page model's canonical inline form (page/model.ts): markdown inline
 * text with the published layout's HTML subset. `<code>` → a code span, `<a href="#Dto">` and
 * `<a id>` kept as HTML, other links → `[text](url)`, `<strong>`/`<em>` → `**`/`*`, `<br>` →
 * `<br>`. Text is written as it reads; only a `<` that would read as markup of the canonical form
 * is escaped (page/inline.ts, `inertText`), so text never turns into markup.
 *
 * `mode`: in a table cell or a heading every run of white space is one space (a cell's line
 * breaks are `<br>`); in a paragraph a line break in the source stays one, as in markdown.
 */
export type InlineMode = 'line' | 'paragraph';


export function inlineOf(children: readonly ElementContent[], mode: InlineMode): string {
  const text = children.map((c) => inlineNode(c, mode, 0)).join('');
  return tidy(text, mode);
}

/**
 * White space that spans a line break is layout (a pretty-printed page wraps its text): it reads
 * as one space in a cell or heading and as one line break in a paragraph. Other runs of spaces
 * are kept as written, as markdown keeps them.
 */
function tidy(text: string, mode: InlineMode): string {
  return text.replace(/[ \t\f]*(?:\r\n?|\n)[ \t\r\n\f]*/g, mode === 'line' ? ' ' : '\n').trim();
}

function codeSpan(content: string): string {
  let run = 0;
  for (const m of content.matchAll(/`+/g)) run = Math.max(run, m[0].length);
  const fence = '`'.repeat(run + 1);
  // CommonMark strips one space from each end of a code span: pad where that would eat content
  const pad = /^`|`$/.test(content) || /^ [\s\S]*\S[\s\S]* $/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function wrap(marker: string, inner: string): string {
  const t = inner.trim();
  if (t === '') return inner;
  const lead = inner.slice(0, inner.length - inner.trimStart().length);
  const trail = inner.slice(inner.trimEnd().length);
  return `${lead}${marker}${t}${marker}${trail}`;
}

function inlineNode(node: ElementContent, mode: InlineMode, depth: number): string {
  if (node.type === 'text') return inertText(node.value);
  if (node.type !== 'element' || depth > MAX_DEPTH) return '';
  const el = node;
  if (isChrome(el)) return '';
  const inner = (): string => el.children.map((c) => inlineNode(c, mode, depth + 1)).join('');
  switch (el.tagName) {
    case 'br':
      return '<br>';
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return codeSpan(textContent(el).replace(/\s*\n\s*/g, mode === 'line' ? ' ' : '\n'));
    case 'strong':
    case 'b':
      return wrap('**', inner());
    case 'em':
    case 'i':
      return wrap('*', inner());
    case 'del':
    case 's':
    case 'strike':
      return wrap('~~', inner());
    case 'a':
      return link(el, inner());
    case 'img': {
      const src = typeof el.properties?.src === 'string' ? el.properties.src : '';
      const alt = typeof el.properties?.alt === 'string' ? el.properties.alt : '';
      return src ? `![${alt}](${urlForMarkdown(src)})` : '';
    }
    case 'wbr':
      return '';
    default:
      // block elements inside inline content (a `<div style="width:80px">` in a header cell,
      // a `<p>` in a cell) read as their content, separated by white space
      return BLOCKISH.has(el.tagName) ? ` ${inner()} ` : inner();
  }
}

const BLOCKISH = new Set(['div', 'p', 'li', 'ul', 'ol', 'section', 'table', 'tr', 'td', 'th', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function link(el: Element, inner: string): string {
  const p = el.properties ?? {};
  const href = typeof p.href === 'string' ? p.href : undefined;
  const id = typeof p.id === 'string' ? p.id : typeof p.name === 'string' ? p.name : undefined;
  if (href === undefined) {
    // an anchor target, as the published layout marks data structures: `<a id="Dto"></a>`
    return id !== undefined && /^[\w.-]+$/.test(id) ? `<a id="${id}"></a>${inner}` : inner;
  }
  if (/^#[\w.-]+$/.test(href)) return `<a href="${href}">${inner.trim()}</a>`;
  const text = inner.trim();
  // an address written as text, which the renderer made a link (and percent-encoded)
  if (text === href || text === '' || text === safeDecode(href)) return text || href;
  return `[${text}](${urlForMarkdown(href)})`;
}

function safeDecode(uri: string): string {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
}

/** A URL as a markdown link destination: parentheses and white space would end it. */
const urlForMarkdown = (url: string): string => url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
