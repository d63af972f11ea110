import type { BlockContent, Html, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';

/**
 * Lines that could start or be a block other than a paragraph or a list item: ATX headings,
 * quotes, HTML, definitions and footnotes, fences, tables, setext underlines, thematic breaks,
 * indented code. Text without any of them is paragraphs and lists for sure (CommonMark + GFM),
 * so remark need not parse it to say so; text with one is parsed.
 */
const MAYBE_OTHER_BLOCK = /^(?: {0,3}(?:[#><[|]|```|~~~)| {4}|\t| {0,3}(?:[-*_] *){3,}$| {0,3}=+ *$|[ \t|:-]*-[ \t|:-]*$)/m;

/**
 * A description at the top of a page. Plain prose (paragraphs, lists) is written back as the
 * markdown it is, so reading the page gives the same text. Anything that would change the
 * page's structure (a heading would start a new section, an unclosed fence would swallow the
 * rest) goes through the mdast instead, with headings turned into bold paragraphs.
 */
export function proseBlocks(markdown: string): RootContent[] {
  if (markdown.trim() !== '' && !MAYBE_OTHER_BLOCK.test(markdown)) return [{ type: 'html', value: markdown.trim() } satisfies Html];
  // a structure's description is on every page that shows it: parsed once (pages get copies,
  // since writing a page may rewrite nodes in place, inert.ts)
  let blocks = parsedMemo.get(markdown);
  if (!blocks) {
    blocks = parsedBlocks(markdown);
    if (parsedMemo.size > 20_000) parsedMemo.clear();
    parsedMemo.set(markdown, blocks);
  }
  return structuredClone(blocks);
}

const parsedMemo = new Map<string, RootContent[]>();

function parsedBlocks(markdown: string): RootContent[] {
  const tree = parseMarkdown(markdown);
  const plain = tree.children.every((n) => n.type === 'paragraph' || n.type === 'list');
  if (plain) return [{ type: 'html', value: markdown.trim() } satisfies Html];
  return tree.children.map((n): RootContent => {
    if (n.type === 'heading') return { type: 'paragraph', children: [{ type: 'strong', children: n.children as PhrasingContent[] }] };
    return n as BlockContent;
  });
}

/** A line that is one paragraph for sure: no block marker, list marker or closing `#` run. */
const SURELY_PARAGRAPH = /^(?! {0,3}(?:[-*+=_#><[|`~]|\d{1,9}[.)])| {4})[^\r\n]*[^\s#]$/;

/** A single-line title: as written when it is one plain line, else as escaped text. */
export function titleContent(title: string): PhrasingContent[] {
  const line = title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (SURELY_PARAGRAPH.test(line)) return [{ type: 'html', value: line }];
  const tree = parseMarkdown(line);
  const onlyParagraph = tree.children.length === 1 && tree.children[0]!.type === 'paragraph';
  if (onlyParagraph && !/#\s*$/.test(line)) return [{ type: 'html', value: line }];
  return [{ type: 'text', value: line }];
}
