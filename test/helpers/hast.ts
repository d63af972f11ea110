import type { Element, Root } from 'hast';

/** Every element under `tree`, in document order. */
export function elements(tree: Root | Element, out: Element[] = []): Element[] {
  for (const c of tree.children) {
    if (c.type !== 'element') continue;
    out.push(c);
    elements(c, out);
  }
  return out;
}

/** The text a node shows (its text nodes, joined). */
export function textOf(node: Root | Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}
