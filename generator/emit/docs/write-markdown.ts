import type { Code, Heading, Html, InlineCode, Link, List, Paragraph, PhrasingContent, Root, RootContent, Table, Text } from 'mdast';
import { makeInert } from './inert.js';
import { toMarkdown } from './markdown.js';

/**
 * A fast writer for the pages' mdast, with the same output as remark-stringify + remark-gfm
 * (`markdown.ts`), byte for byte. remark spent two thirds of the docs emitter's time on pages
 * that use a handful of node shapes: headings, html, paragraphs, fenced code, tables, simple
 * lists and links. Those are written here directly; a block with anything else (a description
 * parsed into a blockquote, a text remark would escape in a context-dependent way, a code span
 * with a backtick) is written by remark itself, so the output never differs
 * (`test/emit/docs/write-markdown.test.ts` compares both on every page of the seeds and corpus).
 */

export interface WriteOptions {
  /** Pad table columns to one width (remark-gfm's `tablePipeAlign`, the published style). */
  alignTables?: boolean;
}

/** Thrown by a block writer for a node it does not write exactly like remark; caught per block. */
class Delegate extends Error {}
const delegate = (): never => {
  throw new Delegate();
};

// ASCII punctuation and whitespace: the characters remark's escapes are about (letters, digits
// and other scripts never are, nor do they change whether a neighbour is escaped).
const EDGE_SAFE = /[^\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/;
// Text remark never escapes, wherever it stands (no digit run that could start a list item; `_`
// only inside a word, where it cannot start or end emphasis).
const NEVER_ESCAPED = /^[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef](?:[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef ,;'"/$%=+?—–-]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))*$/;

const textMemo = new Map<string, string>();

/**
 * Text whose edges are letters (or spaces inside a line): its escapes depend on its own
 * characters only, so remark's output for it, between two letters, is its output anywhere.
 */
function textValue(value: string): string {
  if (NEVER_ESCAPED.test(value) && !/[ ]$/.test(value)) return value;
  let out = textMemo.get(value);
  if (out === undefined) {
    const written = toMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: `a${value}a` }] }] });
    out = /^a[^]*a\n$/.test(written) && !written.slice(0, -1).includes('\n') ? written.slice(1, -2) : delegate();
    if (textMemo.size > 200_000) textMemo.clear();
    textMemo.set(value, out);
  }
  return out;
}

const aloneMemo = new Map<string, string>();

/**
 * Text that is all of a paragraph or all of a table cell: remark's output for exactly that
 * paragraph or cell (a cell's escapes do not depend on the other cells).
 */
function aloneText(value: string, context: 'paragraph' | 'cell'): string {
  const key = `${context}\0${value}`;
  let out = aloneMemo.get(key);
  if (out === undefined) {
    const t: Text = { type: 'text', value };
    if (context === 'paragraph') {
      const written = toMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [t] }] });
      out = /^[^\n]*\n$/.test(written) ? written.slice(0, -1) : delegate();
    } else {
      const row = toMarkdown({ type: 'root', children: [{ type: 'table', align: [null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [t] }] }] }] }).split('\n')[0]!;
      out = row.startsWith('| ') && row.endsWith(' |') ? row.slice(2, -2) : delegate();
    }
    if (aloneMemo.size > 200_000) aloneMemo.clear();
    aloneMemo.set(key, out);
  }
  return out;
}

type Context = 'paragraph' | 'cell' | 'heading' | 'item' | 'label';

function text(node: Text, first: boolean, last: boolean, context: Context): string {
  const v = node.value;
  if (v === '' || /[\r\n\t*]/.test(v)) return delegate();
  if (context === 'cell' && v.includes('|')) return /^[ |]+$/.test(v) && !first && !last ? v.replace(/\|/g, '\\|') : delegate();
  if (context === 'label' && /[[\]]/.test(v)) return delegate();
  const head = v[0]!;
  const tail = v[v.length - 1]!;
  const edgeOk = (c: string, atEdge: boolean): boolean => EDGE_SAFE.test(c) || (c === ' ' && !atEdge);
  // at the start of a line (a paragraph's or list item's), `1.` or `2)` would start a list
  const atBreak = first && (context === 'paragraph' || context === 'item') && /^\d/.test(v);
  if (edgeOk(head, first) && edgeOk(tail, last) && !atBreak) return textValue(v);
  if (first && last && (context === 'paragraph' || context === 'cell')) return aloneText(v, context);
  return delegate();
}

function inlineCode(node: InlineCode, inTable: boolean): string {
  const v = node.value;
  if (v === '' || /[`\r\n]/.test(v) || (v.startsWith(' ') && v.endsWith(' '))) return delegate();
  return `\`${inTable ? v.replace(/\|/g, '\\|') : v}\``;
}

function link(node: Link): string {
  const url = node.url;
  if (node.title || url === '' || /[\s()<>\\\x00-\x1f\x7f]/.test(url) || /^[a-z][a-z+.-]*:/i.test(url)) return delegate();
  return `[${phrasing(node.children, 'label')}](${url})`;
}

function phrasing(children: readonly PhrasingContent[], context: Context): string {
  const inTable = context === 'cell';
  let out = '';
  children.forEach((c, i) => {
    const first = i === 0;
    const last = i === children.length - 1;
    switch (c.type) {
      case 'text':
        out += text(c, first, last, context);
        break;
      case 'html':
        if (/[\r\n]/.test(c.value) || (inTable && c.value.includes('|'))) delegate();
        out += c.value;
        break;
      case 'inlineCode':
        out += inlineCode(c, inTable);
        break;
      case 'link':
        if (context === 'label') delegate();
        out += link(c);
        break;
      default:
        delegate();
    }
  });
  return out;
}

function heading(node: Heading): string {
  if (node.children.length === 0) return delegate();
  const content = phrasing(node.children, 'heading');
  if (/^[ \t]|[ \t]$|#$/.test(content)) return delegate();
  return `${'#'.repeat(node.depth)} ${content}`;
}

function paragraph(node: Paragraph, context: 'paragraph' | 'item'): string {
  if (node.children.length === 0) return delegate();
  // a first child that is not plain text or a code span could start a block construct
  const head = node.children[0]!;
  if (head.type === 'html') return delegate();
  return phrasing(node.children, context);
}

function code(node: Code): string {
  if (node.value === '' || node.meta || (node.lang && /[\s`]/.test(node.lang))) return delegate();
  let longest = 0;
  for (const run of node.value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${node.lang ?? ''}\n${node.value}\n${fence}`;
}

function table(node: Table, align: boolean): string {
  if (node.align?.some((a) => a !== null && a !== undefined)) return delegate();
  const rows = node.children.map((r) => r.children.map((cell) => phrasing(cell.children, 'cell')));
  const columns = Math.max(...rows.map((r) => r.length));
  if (!(columns > 0)) return delegate();
  const widths = new Array<number>(columns).fill(0);
  // a column is at least as wide as its delimiter, `-`
  if (align) for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i]!, c.length, 1)));
  const line = (cells: readonly string[]): string => {
    let s = '';
    for (let i = 0; i < columns; i++) {
      const c = cells[i] ?? '';
      s += align ? `| ${c}${' '.repeat(widths[i]! - c.length)} ` : c === '' ? '| ' : `| ${c} `;
    }
    return `${s}|`;
  };
  const delimiter = line(widths.map((w) => '-'.repeat(Math.max(align ? w : 1, 1))));
  const out = [line(rows[0] ?? []), delimiter];
  for (let i = 1; i < rows.length; i++) out.push(line(rows[i]!));
  return out.join('\n');
}

function list(node: List): string {
  if (node.ordered || node.spread) return delegate();
  return node.children
    .map((item) => {
      if (item.spread || item.checked != null || item.children.length !== 1 || item.children[0]!.type !== 'paragraph') return delegate();
      const content = paragraph(item.children[0], 'item');
      return content.includes('\n') ? delegate() : `- ${content}`;
    })
    .join('\n');
}

function block(node: RootContent, options: WriteOptions): string {
  switch (node.type) {
    case 'heading':
      return heading(node);
    case 'paragraph': {
      const p = paragraph(node, 'paragraph');
      return p.includes('\n') ? delegate() : p;
    }
    case 'html':
      return (node as Html).value;
    case 'code':
      return code(node);
    case 'table':
      return table(node, options.alignTables !== false);
    case 'list':
      return list(node);
    default:
      return delegate();
  }
}

/** The page as markdown, exactly as `toMarkdown` (remark) writes it, but fast for the pages' shapes. */
export function writeMarkdown(tree: Root, options: WriteOptions = {}): string {
  const kids = makeInert(tree).children;
  // remark writes blocks apart, each the same alone as among others, and joins them with a blank
  // line; but for a list after a list (another bullet) and an empty page, which go to it whole
  if (kids.length === 0 || kids.some((k, i) => k.type === 'list' && kids[i - 1]?.type === 'list')) return toMarkdown(tree, options);
  const out: string[] = [];
  for (const k of kids) {
    try {
      out.push(block(k, options));
    } catch (e) {
      if (!(e instanceof Delegate)) throw e;
      out.push(toMarkdown({ type: 'root', children: [k] }, options).replace(/\n$/, ''));
    }
  }
  return `${out.join('\n\n')}\n`;
}
