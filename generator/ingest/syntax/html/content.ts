import type { Element, Root } from 'hast';

/**
 * Where a rendered page's content is, and what around it is the site's chrome. Static-site
 * generators put the page's own content in a known element (VitePress `.vp-doc`, VuePress
 * `.theme-default-content`, Docusaurus `.theme-doc-markdown`, ...) and the navigation, sidebar,
 * footer, "Skip to content" link and heading permalinks around or beside it.
 */

/** Content containers, most specific first; then the generic `article`, `main`, `body`. */
const CONTENT_CLASSES = ['vp-doc', 'theme-default-content', 'content__default', 'theme-doc-markdown', 'markdown-body', 'md-content', 'rst-content'];

/** Elements that are never page content. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'script', 'style', 'template', 'noscript', 'button', 'svg', 'form', 'input', 'select', 'textarea', 'iframe', 'head', 'link', 'meta']);

/** Class names of chrome inside or around the content (theme widgets, screen-reader texts). */
const CHROME_CLASS = /^(?:header-anchor|hash-link|headerlink|visually-hidden|sr-only|VPSkipLink|skip-link|skip-to-content|edit-link|last-updated|page-edit|page-nav|prev-next|pager|breadcrumbs?|table-of-contents|toc|sidebar|navbar|VPDocFooter|copy)$/;

/** The text of a heading permalink: `#`, `¶`, `§`, a link symbol, or nothing visible. */
const PERMALINK_TEXT = /^[\s#¶§🔗\u200b\ufeff]*$/u;

export function classes(el: Element): string[] {
  const c = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : [];
}

export function textContent(node: Element | Root): string {
  let out = '';
  const walk = (n: Element | Root, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const c of n.children) {
      if (c.type === 'text') out += c.value;
      else if (c.type === 'element') walk(c, depth + 1);
    }
  };
  walk(node, 0);
  return out;
}

/** Deeper nesting than any page needs is ignored (input is untrusted; the walk is recursive). */
export const MAX_DEPTH = 1000;

/** Whether an element is chrome: navigation, hidden text, a heading's permalink. */
export function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false) return true;
  if (String(p.ariaHidden) === 'true') return true;
  if (classes(el).some((c) => CHROME_CLASS.test(c))) return true;
  // a permalink without a known class: `<a href="#id">¶</a>`
  if (el.tagName === 'a' && typeof p.href === 'string' && p.href.startsWith('#') && PERMALINK_TEXT.test(textContent(el))) return true;
  return false;
}

/** The element that holds the page's own content. */
export function contentRoot(tree: Root): Element | Root {
  let best: { el: Element; rank: number } | undefined;
  const generic = ['article', 'main', 'body'];
  const visit = (n: Element | Root, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      const cls = classes(c);
      let rank = CONTENT_CLASSES.findIndex((k) => cls.includes(k));
      if (rank < 0 && (c.properties?.role === 'main')) rank = CONTENT_CLASSES.length + 1;
      if (rank < 0) {
        const g = generic.indexOf(c.tagName);
        if (g >= 0) rank = CONTENT_CLASSES.length + g;
      }
      if (rank >= 0 && (!best || rank < best.rank)) best = { el: c, rank };
      visit(c, depth + 1);
    }
  };
  visit(tree, 0);
  return best?.el ?? tree;
}
