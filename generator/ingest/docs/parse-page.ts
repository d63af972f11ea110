import type { Page } from '../page/model.js';
import { relocate } from '../page/relocate.js';
import { readPage, type PageResult } from '../reader/read-page.js';
import { READER_VOCABULARY } from '../reader/vocabulary.js';
import { parsePageSyntax } from '../syntax/index.js';
import type { Expansion } from './includes.js';

/** A docs page's text → the page model, in the syntax its name (or content) says. */
export function pageModel(file: string, text: string): Page {
  return parsePageSyntax(file, text, READER_VOCABULARY);
}

/**
 * One docs page file: its syntax → the page model → what it says (a pure function, cacheable).
 * With `expansion` (its includes spliced in, docs/includes.ts) the expanded text is parsed and
 * every block is placed back in the file it came from.
 */
export function parsePage(file: string, text: string, expansion?: Expansion): PageResult {
  if (!expansion) return readPage(pageModel(file, text));
  const result = readPage(relocate(pageModel(file, expansion.text), expansion.runs));
  result.diagnostics.unshift(...expansion.diagnostics);
  return result;
}
