import { relocate } from '../page/relocate.js';
import { readPage, type PageResult } from '../reader/read-page.js';
import { parsePageSyntax } from '../syntax/index.js';
import type { Expansion } from './includes.js';

/**
 * One docs page file: its syntax → the page model → what it says (a pure function, cacheable).
 * With `expansion` (its includes spliced in, docs/includes.ts) the expanded text is parsed and
 * every block is placed back in the file it came from.
 */
export function parsePage(file: string, text: string, expansion?: Expansion): PageResult {
  if (!expansion) return readPage(parsePageSyntax(file, text));
  const result = readPage(relocate(parsePageSyntax(file, expansion.text), expansion.runs));
  result.diagnostics.unshift(...expansion.diagnostics);
  return result;
}
