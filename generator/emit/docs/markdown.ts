import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { makeInert } from './inert.js';

/** One serialiser for every page, so all pages share one markdown style. */
const writer = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true, rule: '-', listItemIndent: 'one' }).freeze();
const reader = unified().use(remarkParse).use(remarkGfm).freeze();

/** A page's markdown; docs text in it never holds a VitePress build directive (inert.ts). */
export function toMarkdown(tree: Root): string {
  return writer.stringify(makeInert(tree));
}

export function parseMarkdown(text: string): Root {
  return reader.parse(text);
}
