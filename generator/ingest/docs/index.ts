import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/types.js';
import { normalizeApi } from '../../ir/normalize.js';
import { IR_VERSION, type Api, type Client, type Method } from '../../ir/types.js';
import { mergePages, type MergedPages } from './merge.js';
import { applyOverrides } from './overrides.js';
import type { PageResult } from '../reader/read-page.js';
import { parsePage } from './parse-page.js';
import { fragmentResult, loadPageSources, unreadableResult, type DocsTree } from './page-sources.js';
import { DEFAULT_LIMITS, readInputFile } from '../read-input.js';

export { OVERRIDES_FILE } from './overrides.js';
export type { DocsTree } from './page-sources.js';

export interface DocsInput {
  /** Pages as paths relative to the working directory, `/`-separated. */
  pages: string[];
  /** Overrides files (http-overrides.json) found beside the pages. */
  overrides: string[];
  /** Where each page's includes may resolve (default: inside the page's own folder). */
  tree?: DocsTree;
}

export interface DocsIngestResult {
  api: Api;
  diagnostics: Diagnostic[];
  stats: MergedPages['stats'];
}

/** Pages → one result each (a fragment, a file other pages include, gets kind `fragment`). */
export type PageParser = ((files: readonly string[], tree?: DocsTree) => Promise<PageResult[]>) & {
  /** Optional cache of the whole result, keyed by the content of every page and override. */
  assembled?: AssembledCache;
  /** How many pages the last call parsed (the others came from the cache): `generate --watch` says it. */
  lastParsed?: number;
};

export interface AssembledCache {
  load(files: readonly string[], overrides: readonly string[], tree?: DocsTree): Promise<{ key: string; hit?: DocsIngestResult }>;
  save(key: string, result: DocsIngestResult): Promise<void>;
}

/** Parses pages one after the other in this thread, without a cache (page-cache.ts has one). */
export function parsePagesInline(cwd: string, maxFileBytes = DEFAULT_LIMITS.maxFileBytes): PageParser {
  return async (files, tree) => {
    const { sources, fragments } = loadPageSources(files, cwd, tree, new Map(), maxFileBytes);
    return sources.map((s) => (s.unreadable ? unreadableResult(s.file, s.unreadable) : fragments.has(s.file) ? fragmentResult(s.file) : parsePage(s.file, s.text, s.expansion)));
  };
}

/** Markdown pages → IR. Pages are read in sorted order so the result never depends on the file system. */
export async function ingestDocs(input: DocsInput, parse: PageParser = parsePagesInline(process.cwd()), cwd = process.cwd(), maxFileBytes = DEFAULT_LIMITS.maxFileBytes): Promise<DocsIngestResult> {
  const files = [...input.pages].sort();
  const overrides = [...input.overrides].sort();
  const cached = parse.assembled ? await parse.assembled.load(files, overrides, input.tree) : undefined;
  if (cached?.hit) return cached.hit;
  const result = await assemble(await parse(files, input.tree), overrides, cwd, maxFileBytes);
  if (cached && parse.assembled) await parse.assembled.save(cached.key, result);
  return result;
}

export async function assemble(pages: PageResult[], overrides: readonly string[], cwd = process.cwd(), maxFileBytes = DEFAULT_LIMITS.maxFileBytes): Promise<DocsIngestResult> {
  const merged = mergePages(pages);
  const diagnostics: Diagnostic[] = [...pages.flatMap((p) => p.diagnostics), ...merged.diagnostics];
  let methods = merged.methods;
  for (const f of [...overrides].sort()) {
    const got = readInputFile(resolve(cwd, f), f, { maxFileBytes });
    if (got.ok) methods = applyOverrides(methods, f, got.text, diagnostics);
    else diagnostics.push(got.diagnostic);
  }

  const byClient = new Map<string, Method[]>();
  for (const m of methods) {
    const list = byClient.get(m.client) ?? [];
    list.push(m);
    byClient.set(m.client, list);
  }
  const clients: Client[] = [...byClient.entries()].map(([name, ms]) => ({ name, methods: ms }));
  const zh = pages.filter((p) => p.method?.docLanguage === 'zh').length;
  const en = pages.filter((p) => p.method?.docLanguage === 'en').length;
  const api: Api = normalizeApi({
    irVersion: IR_VERSION,
    origin: 'docs',
    language: zh > en ? 'zh' : 'en',
    clients,
    types: merged.types,
  });
  return { api, diagnostics, stats: merged.stats };
}
