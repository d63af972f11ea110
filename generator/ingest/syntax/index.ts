import type { Page, PageFormat } from '../page/model.js';
import { scanBlocks } from './markdown.js';

/**
 * One syntax module per page format: it turns a file's text into the format-neutral page model
 * (page/model.ts). Adding a format is a new module and one entry in SYNTAXES; nothing above the
 * page model changes.
 */
export interface SyntaxModule {
  format: PageFormat;
  /** File name endings this syntax is chosen for, lower-case, with the dot. */
  extensions: readonly string[];
  parse(file: string, text: string): Page;
}

export const SYNTAXES: readonly SyntaxModule[] = [
  { format: 'markdown', extensions: ['.md', '.markdown'], parse: (file, text) => ({ file, format: 'markdown', blocks: scanBlocks(text) }) },
];

/** The syntax module for a page file, by its name; undefined when no syntax reads it. */
export function syntaxFor(file: string): SyntaxModule | undefined {
  const lower = file.toLowerCase();
  return SYNTAXES.find((s) => s.extensions.some((e) => lower.endsWith(e)));
}

/** A docs page's text → the page model, in the syntax its name says (markdown when unknown). */
export function parsePageSyntax(file: string, text: string): Page {
  return (syntaxFor(file) ?? SYNTAXES[0]!).parse(file, text);
}
