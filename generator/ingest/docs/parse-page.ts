import { readPage, type PageResult } from '../reader/read-page.js';
import { parsePageSyntax } from '../syntax/index.js';

/** One docs page file: its syntax → the page model → what it says (a pure function, cacheable). */
export function parsePage(file: string, text: string): PageResult {
  return readPage(parsePageSyntax(file, text));
}
