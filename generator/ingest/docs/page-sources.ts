import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/types.js';
import { DEFAULT_LIMITS, readInputFile } from '../read-input.js';
import type { PageResult } from '../reader/read-page.js';
import { syntaxFor } from '../syntax/index.js';
import { fileIncludeResolver, fileKey } from './include-files.js';
import { expandIncludes, hasIncludes, type Expansion } from './includes.js';

/** Where the pages of a run live: includes resolve inside the page's tree only. */
export interface DocsTree {
  /** The folder a page's includes may not leave (cwd-relative): `docs.root`, else its input folder. */
  rootOf(file: string): string;
}

/** A page's text as read, with its includes expanded, and the hash that keys its cached result. */
export interface PageSource {
  file: string;
  text: string;
  expansion?: Expansion;
  /** Content hash of the page and every file it includes. */
  hash: string;
  /** Why the page could not be read (resolveInputs checked it, but a file can change since). */
  unreadable?: Diagnostic;
}

const hashOf = (text: string): string => createHash('sha1').update(text).digest('hex');

/** Without a tree, a page's includes resolve inside its own folder. */
const OWN_FOLDER: DocsTree = { rootOf: (file) => file.split('/').slice(0, -1).join('/') || '.' };

/**
 * Reads pages and expands their includes (markdown pages only: the directive is markdown-it's).
 * `texts` caches file contents across calls (by absolute path). A page that another page of the
 * run includes is a fragment, not a page: it is listed in `fragments` and never parsed on its own.
 * Pages are read as untrusted input (read-input.ts): regular files only, at most `maxFileBytes`.
 */
export function loadPageSources(
  files: readonly string[],
  cwd: string,
  tree: DocsTree = OWN_FOLDER,
  texts: Map<string, string> = new Map(),
  maxFileBytes: number = DEFAULT_LIMITS.maxFileBytes,
): { sources: PageSource[]; fragments: Set<string> } {
  const read = (abs: string, display: string): { text: string } | { failed: Diagnostic } => {
    const t = texts.get(abs);
    if (t !== undefined) return { text: t };
    // synchronous reads: for thousands of small pages they cost a third of the promise API's
    const got = readInputFile(abs, display, { maxFileBytes });
    if (!got.ok) return { failed: got.diagnostic };
    texts.set(abs, got.text);
    return { text: got.text };
  };
  // fragments were checked by the include resolver (regular, small, inside the docs root)
  const readFragment = (abs: string): string => {
    const got = read(abs, abs);
    return 'text' in got ? got.text : '';
  };
  const sources: PageSource[] = [];
  const included = new Set<string>();
  for (const file of files) {
    const got = read(resolve(cwd, file), file);
    if ('failed' in got) {
      sources.push({ file, text: '', hash: `unreadable:${got.failed.code}`, unreadable: got.failed });
      continue;
    }
    const text = got.text;
    const markdown = syntaxFor(file, text).format === 'markdown';
    if (!markdown || !hasIncludes(text)) {
      sources.push({ file, text, hash: hashOf(text) });
      continue;
    }
    const expansion = expandIncludes(file, text, fileIncludeResolver(cwd, tree.rootOf(file), readFragment), fileKey(cwd, file));
    for (const f of expansion.fragments) included.add(f);
    // the expansion holds every included file's text and where it came from
    sources.push({ file, text, expansion, hash: hashOf(JSON.stringify([text, expansion])) });
  }
  return { sources, fragments: new Set(files.filter((f) => included.has(f))) };
}

/** The result that stands for a page that could not be read: its diagnostic, nothing else. */
export const unreadableResult = (file: string, why: Diagnostic): PageResult => ({ file, format: syntaxFor(file, '').format, kind: 'skipped', types: [], diagnostics: [why] });

/** The result that stands for a fragment: a file other pages include is not a page of its own. */
export const fragmentResult = (file: string): PageResult => ({ file, format: syntaxFor(file, '').format, kind: 'fragment', types: [], diagnostics: [] });
