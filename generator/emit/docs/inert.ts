import type { Html, Nodes, Root } from 'mdast';

/**
 * Docs text is untrusted, and VitePress acts on a page's source before it reads it as
 * markdown: `<!--@include: path-->`, anywhere in the file (code spans and code blocks
 * included), pastes that file into the site while it is built. So no `<!--` of docs text
 * reaches a page as written: in prose it becomes the entity `&lt;!--` (shown the same), in a
 * code span an HTML `<code>` with the text escaped (shown the same), in a code block (JSON
 * samples, TypeScript snippets: `<!--` can only be inside a string there) the string escape
 * `\u003c!--` (the same value). Nodes the emitter marks `trusted` (the templates' banner) are
 * left as they are.
 */

const OPENER = /<!--/g;

/** Marks a node the emitter wrote from a template: its HTML is the template author's. */
export function trusted<T extends Nodes>(node: T): T {
  node.data = { ...node.data, sdkforgeTrusted: true } as T['data'];
  return node;
}

const isTrusted = (node: Nodes): boolean => (node.data as { sdkforgeTrusted?: boolean } | undefined)?.sdkforgeTrusted === true;

/** Text as HTML that shows it literally, also inside a table cell (`|`). */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\|/g, '&#124;');

/** Rewrites, in place, every node of `tree` whose source would hold `<!--`. */
export function makeInert(tree: Root): Root {
  const visit = (node: Nodes): Nodes => {
    if (isTrusted(node)) return node;
    switch (node.type) {
      case 'html':
        if (node.value.includes('<!--')) node.value = node.value.replace(OPENER, '&lt;!--');
        return node;
      case 'inlineCode':
        return node.value.includes('<!--') ? ({ type: 'html', value: `<code>${escapeHtml(node.value)}</code>` } satisfies Html) : node;
      case 'code':
        if (node.value.includes('<!--')) node.value = node.value.replace(OPENER, '\\u003c!--');
        return node;
      default:
        // in place: a child is replaced only where it changed (most pages have no `<!--`)
        if ('children' in node) {
          const kids = node.children as Nodes[];
          for (let i = 0; i < kids.length; i++) {
            const k = kids[i]!;
            const v = visit(k);
            if (v !== k) kids[i] = v;
          }
        }
        return node;
    }
  };
  return visit(tree) as Root;
}
