import type { Element, ElementContent, Root } from 'hast';
import type { Block, TableBlock, TableRow } from '../../page/model.js';
import { classes, isChrome, MAX_DEPTH, textContent } from './content.js';
import { inlineOf } from './inline.js';

/**
 * The blocks of a rendered page's content, in document order: `<h1>`-`<h6>` → headings,
 * `<table>` → tables (header from `<thead>` or the first row), `<pre>` → code samples, and the
 * rest → paragraphs (a list is one paragraph of `- item` lines and a quote is `> ` lines, as
 * the markdown syntax shows them).
 */
export function readBlocks(root: Element | Root): Block[] {
  const out: Block[] = [];
  walkBlocks(root.children as ElementContent[], out, 0, '');
  return out;
}

const HEADING = /^h([1-6])$/;
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'font', 'label']);

const lineOf = (n: ElementContent): number => n.position?.start.line ?? 1;
const columnOf = (n: ElementContent): number => n.position?.start.column ?? 1;

function isInline(n: ElementContent): boolean {
  if (n.type === 'text') return true;
  return n.type === 'element' && INLINE_TAGS.has(n.tagName) && !containsBlock(n, 0);
}

/** A `<span>` that wraps a table or a `<pre>` (some themes do) is not inline content. */
function containsBlock(el: Element, depth: number): boolean {
  if (depth > 8) return false;
  return el.children.some((c) => c.type === 'element' && (c.tagName === 'table' || c.tagName === 'pre' || HEADING.test(c.tagName) || containsBlock(c, depth + 1)));
}

/** `lang`: the language a wrapper element names (VitePress puts `language-ts` on a `<div>` around the `<pre>`). */
function walkBlocks(children: readonly ElementContent[], out: Block[], depth: number, lang: string): void {
  if (depth > MAX_DEPTH) return;
  let run: ElementContent[] = [];
  const flush = (): void => {
    const text = inlineOf(run, 'paragraph');
    if (text !== '') out.push({ kind: 'paragraph', text, line: lineOf(run.find((n) => n.type !== 'text' || n.value.trim() !== '') ?? run[0]!) });
    run = [];
  };
  for (const n of children) {
    if (n.type === 'comment') continue;
    if (n.type === 'element' && isChrome(n)) continue;
    if (isInline(n)) {
      run.push(n);
      continue;
    }
    flush();
    if (n.type !== 'element') continue;
    readElement(n, out, depth, lang);
  }
  flush();
}

function readElement(el: Element, out: Block[], depth: number, lang: string): void {
  const h = HEADING.exec(el.tagName);
  if (h) {
    out.push({ kind: 'heading', depth: Number(h[1]), text: inlineOf(el.children, 'line'), line: lineOf(el), column: columnOf(el) });
    return;
  }
  switch (el.tagName) {
    case 'table': {
      const t = readTable(el);
      if (t) out.push(t);
      return;
    }
    case 'pre':
      out.push(readCode(el, lang));
      return;
    case 'p': {
      const text = inlineOf(el.children, 'paragraph');
      if (text !== '') out.push({ kind: 'paragraph', text, line: lineOf(el) });
      return;
    }
    case 'ul':
    case 'ol': {
      const text = listLines(el, 0).join('\n');
      if (text !== '') out.push({ kind: 'paragraph', text, line: lineOf(el) });
      return;
    }
    case 'blockquote': {
      const inner: Block[] = [];
      walkBlocks(el.children, inner, depth + 1, lang);
      for (const b of inner) {
        if (b.kind === 'paragraph') out.push({ ...b, text: b.text.split('\n').map((l) => `> ${l}`).join('\n') });
        else out.push(b);
      }
      return;
    }
    case 'hr':
    case 'img':
      return;
    default:
      walkBlocks(el.children, out, depth + 1, languageClass(el) ?? lang);
  }
}

/**
 * `- item` lines (`1. item` in an ordered list), nested lists indented; items of a loose list
 * (whose items are paragraphs) are separated by a blank line, as in its markdown.
 */
function listLines(list: Element, depth: number): string[] {
  if (depth > 20) return [];
  const lines: string[] = [];
  const loose = list.children.some((li) => li.type === 'element' && li.children.some((c) => c.type === 'element' && c.tagName === 'p'));
  let n = Number(list.properties?.start ?? 1) || 1;
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const marker = list.tagName === 'ol' ? `${n++}.` : '-';
    const own = li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')));
    const text = inlineOf(own, 'paragraph').replace(/\n/g, ' ');
    if (loose && lines.length > 0) lines.push('');
    lines.push(`${'  '.repeat(depth)}${marker} ${text}`);
    for (const c of li.children) if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) lines.push(...listLines(c, depth + 1));
  }
  return lines;
}

const languageClass = (el: Element | undefined): string | undefined =>
  el ? classes(el).find((k) => /^(?:language|lang)-/.test(k))?.replace(/^(?:language|lang)-/, '') : undefined;

function readCode(pre: Element, wrapperLang: string): Block {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const lang = languageClass(code) ?? languageClass(pre) ?? wrapperLang;
  const text = textContent(code ?? pre).replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return { kind: 'code', lang, text, line: lineOf(pre) };
}

function rowsOf(table: Element): { row: Element; head: boolean }[] {
  const rows: { row: Element; head: boolean }[] = [];
  for (const part of table.children) {
    if (part.type !== 'element') continue;
    if (part.tagName === 'tr') rows.push({ row: part, head: false });
    else if (part.tagName === 'thead' || part.tagName === 'tbody' || part.tagName === 'tfoot') {
      for (const r of part.children) if (r.type === 'element' && r.tagName === 'tr') rows.push({ row: r, head: part.tagName === 'thead' });
    }
  }
  return rows;
}

function readRow(tr: Element): TableRow {
  const cells: string[] = [];
  const columns: number[] = [];
  for (const c of tr.children) {
    if (c.type !== 'element' || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
    const span = Math.min(Math.max(Number(c.properties?.colSpan ?? 1) || 1, 1), 50);
    cells.push(inlineOf(c.children, 'line'));
    columns.push(columnOf(c));
    for (let k = 1; k < span; k++) {
      cells.push('');
      columns.push(columnOf(c));
    }
  }
  // a row has one line in the page model: its first cell's, where the Name (the field's source) is
  const first = tr.children.find((c) => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  return { cells, columns, line: lineOf(first ?? tr), leadingPipe: true };
}

/**
 * A table: its header is the `<thead>` row, else a first row of `<th>` cells, else its first row
 * (the reader needs a header, as a markdown table always has one).
 */
function readTable(table: Element): TableBlock | undefined {
  const rows = rowsOf(table);
  if (rows.length === 0) return undefined;
  let headerIndex = rows.findIndex((r) => r.head);
  if (headerIndex < 0) headerIndex = 0;
  const header = readRow(rows[headerIndex]!.row);
  const body = rows.filter((r, i) => i !== headerIndex && !r.head).map((r) => readRow(r.row));
  return { kind: 'table', header, rows: body, line: lineOf(table) };
}
