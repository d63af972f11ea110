import type { BlockContent, Html, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';

/**
 * A description at the top of a page. Plain prose (paragraphs, lists) is written back as the
 * markdown it is, so reading the page gives the same text. Anything that would change the
 * page's structure (a heading would start a new section, an unclosed fence would swallow the
 * rest) goes through the mdast instead, with headings turned into bold paragraphs.
 */
export function proseBlocks(markdown: string): RootContent[] {
  const tree = parseMarkdown(markdown);
  const plain = tree.children.every((n) => n.type === 'paragraph' || n.type === 'list');
  if (plain) return [{ type: 'html', value: markdown.trim() } satisfies Html];
  return tree.children.map((n): RootContent => {
    if (n.type === 'heading') return { type: 'paragraph', children: [{ type: 'strong', children: n.children as PhrasingContent[] }] };
    return n as BlockContent;
  });
}

/** A single-line title: as written when it is one plain line, else as escaped text. */
export function titleContent(title: string): PhrasingContent[] {
  const line = title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const tree = parseMarkdown(line);
  const onlyParagraph = tree.children.length === 1 && tree.children[0]!.type === 'paragraph';
  if (onlyParagraph && !/#\s*$/.test(line)) return [{ type: 'html', value: line }];
  return [{ type: 'text', value: line }];
}
