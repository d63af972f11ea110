import type { Page, PageFormat } from '../page/model.js';
import type { PageVocabulary } from '../page/vocabulary.js';
import { looksLikeHtml, parseHtmlPage } from './html/index.js';
import { looksLikeMarkdown, scanBlocks } from './markdown.js';
import { parseTextPage } from './text/index.js';

/**
 * One syntax module per page format: it turns a file's text into the format-neutral page model
 * (page/model.ts). Adding a format is a new module and one entry in SYNTAXES; nothing above the
 * page model changes.
 */
export interface SyntaxModule {
  format: PageFormat;
  /** File name endings this syntax is chosen for, lower-case, with the dot. */
  extensions: readonly string[];
  /**
   * Whether a plain-text file (`.txt`: a page saved or copied from somewhere) is written in this
   * syntax. The text module, which reads anything, is the fallback.
   */
  recognizes?: (text: string) => boolean;
  /** `vocabulary`: the words of a reference page, for a syntax that cannot show structure by itself. */
  parse(file: string, text: string, vocabulary: PageVocabulary): Page;
}

export const SYNTAXES: readonly SyntaxModule[] = [
  { format: 'markdown', extensions: ['.md', '.markdown'], recognizes: looksLikeMarkdown, parse: (file, text) => ({ file, format: 'markdown', blocks: scanBlocks(text) }) },
  { format: 'html', extensions: ['.html', '.htm'], recognizes: looksLikeHtml, parse: parseHtmlPage },
  { format: 'text', extensions: ['.txt', '.text'], parse: parseTextPage },
];

const TEXT = SYNTAXES.find((s) => s.format === 'text')!;

const byExtension = (file: string): SyntaxModule | undefined => {
  const lower = file.toLowerCase();
  return SYNTAXES.find((s) => s.extensions.some((e) => lower.endsWith(e)));
};

/** Whether a file is a docs page by its name (`.md`, `.html`, `.txt`, ...). */
export function isPageFile(file: string): boolean {
  return byExtension(file) !== undefined;
}

/**
 * The syntax module for a page: by its extension, and for plain text (`.txt`) by its content:
 * markup that is markdown or HTML is read as such, anything else as text copied from a page.
 */
export function syntaxFor(file: string, text: string): SyntaxModule {
  const named = byExtension(file);
  if (named && named !== TEXT) return named;
  return SYNTAXES.find((s) => s.recognizes?.(text)) ?? TEXT;
}

/** A docs page's text → the page model, in the syntax its name (and for `.txt` its content) says. */
export function parsePageSyntax(file: string, text: string, vocabulary: PageVocabulary): Page {
  return syntaxFor(file, text).parse(file, text, vocabulary);
}
