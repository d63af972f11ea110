import type { BlockContent, Html, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';
import { proseTooComplex } from './prose-limits.js';

/**
 * Lines that could start or be a block other than a paragraph or a list item: ATX headings,
 * quotes, HTML, definitions and footnotes, fences, tables, setext underlines, thematic breaks,
 * indented code. Text without any of them is paragraphs and lists for sure (CommonMark + GFM),
 * so remark need not parse it to say so; text with one is parsed.
 */
const MAYBE_OTHER_BLOCK = /^(?: {0,3}(?:[#><[|]|```|~~~)| {4}|\t| {0,3}(?:[-*_] *){3,}$| {0,3}=+ *$|[ \t|:-]*-[ \t|:-]*$)/m;

/**
 * A description at the top of a page. Plain prose (paragraphs, lists, HTML blocks) is written
 * back as the markdown it is, so reading the page gives the same text. Anything that would
 * change the page's structure (a heading would start a new section; an unclosed fence, or an
 * HTML block CommonMark ends only at its closing tag, such as `<script>` or `<pre>`, would
 * swallow the rest of the page) goes through the mdast instead: headings turned into bold
 * paragraphs, such an HTML block into text. Text the parser cannot take safely
 * (prose-limits.ts) is one paragraph of literal text.
 */
export function proseBlocks(markdown: string): RootContent[] {
  if (proseTooComplex(markdown)) return [{ type: 'paragraph', children: [{ type: 'text', value: markdown.trim() }] }];
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
  const plain = tree.children.every((n) => n.type === 'paragraph' || n.type === 'list' || n.type === 'html') && endsItself(markdown);
  if (plain) return [{ type: 'html', value: markdown.trim() } satisfies Html];
  return tree.children.map((n): RootContent => {
    if (n.type === 'heading') return { type: 'paragraph', children: [{ type: 'strong', children: n.children as PhrasingContent[] }] };
    if (n.type === 'html' && !endsItself(n.value)) return { type: 'paragraph', children: [{ type: 'text', value: n.value }] };
    return n as BlockContent;
  });
}

const REST_OF_PAGE = 'sdkforge-rest-of-the-page';

/** Whether markdown followed by the rest of a page leaves that rest a paragraph of its own. */
function endsItself(markdown: string): boolean {
  const last = parseMarkdown(`${markdown}\n\n${REST_OF_PAGE}`).children.at(-1);
  return last?.type === 'paragraph' && last.children.length === 1 && last.children[0]!.type === 'text' && last.children[0]!.value === REST_OF_PAGE;
}

/** A line that is one paragraph for sure: no block marker, list marker or closing `#` run. */
const SURELY_PARAGRAPH = /^(?! {0,3}(?:[-*+=_#><[|`~]|\d{1,9}[.)])| {4})[^\r\n]*[^\s#]$/;

/** A single-line title: as written when it is one plain line, else as escaped text. */
export function titleContent(title: string): PhrasingContent[] {
  const line = title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (proseTooComplex(line)) return [{ type: 'text', value: line }];
  if (SURELY_PARAGRAPH.test(line)) return [{ type: 'html', value: line }];
  const tree = parseMarkdown(line);
  const onlyParagraph = tree.children.length === 1 && tree.children[0]!.type === 'paragraph';
  if (onlyParagraph && !/#\s*$/.test(line)) return [{ type: 'html', value: line }];
  return [{ type: 'text', value: line }];
}
