import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { diagnostic } from '../../../diagnostics/collector.js';
import type { Page } from '../../page/model.js';
import { readBlocks } from './blocks.js';
import { contentRoot } from './content.js';

/**
 * Rendered HTML pages (a VitePress, VuePress or similar static site, saved or built): the page's
 * content element is found, the site's chrome dropped, and its headings, tables, code samples and
 * prose read into the page model with their lines and columns. Parsed with hast-util-from-html
 * (parse5, the HTML standard's parser), so any page a browser shows is read, never run.
 */
export function parseHtmlPage(file: string, text: string): Page {
  let tree: Root;
  try {
    tree = fromHtml(text);
  } catch (e) {
    // the tree is built recursively: thousands of nested elements exhaust the stack
    if (!(e instanceof RangeError)) throw e;
    return { file, format: 'html', blocks: [], diagnostics: [diagnostic('html-too-deep', 'the page nests its elements too deeply to be read; skipped', { file, line: 1, column: 1 })] };
  }
  return { file, format: 'html', blocks: readBlocks(contentRoot(tree)) };
}

/** Whether a plain-text file is an HTML document. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(text.slice(0, 4096));
}
