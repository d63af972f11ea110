import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocsIngestResult, PageParser } from './index.js';
import type { PageResult } from '../reader/read-page.js';
import { parsePage } from './parse-page.js';
import { fragmentResult, loadPageSources, unreadableResult, type DocsTree, type PageSource } from './page-sources.js';
import { sdkforgeBuildHash } from '../../build-hash.js';
import { CACHE_DIR } from '../../package-assets.js';
import { DEFAULT_LIMITS, readInputFile } from '../read-input.js';

/**
 * Page results are cached by the page's content hash, under the build of sdkforge that parsed
 * them (build-hash.ts): an edited page is re-parsed, and so is every page after sdkforge changed.
 */
const PAGES_FILE = 'pages.json';
const ASSEMBLED_FILE = 'ir.json';

interface CacheFile {
  build: string;
  pages: Record<string, { hash: string; result: PageResult }>;
}

export interface PagesParserOptions {
  cwd: string;
  /** Read and write the content-hash cache in `<cwd>/.sdkforge-cache/`. */
  cache?: boolean;
  /** Worker threads; 0 (the default) parses in this thread. */
  workers?: number | undefined;
  /** Size cap of a page (limits.maxFileBytes). */
  maxFileBytes?: number;
}

const hashOf = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * The page parser the CLI uses: a content-hash cache in front of the parse (in this thread, or
 * in worker threads when asked). Warm (nothing changed), no page is parsed.
 */
export function pagesParser(options: PagesParserOptions): PageParser {
  const dir = join(resolve(options.cwd), CACHE_DIR);
  const texts = new Map<string, string>();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  // the last batch read: the assembled cache and the parse read the same pages in one run
  let last: { key: string; loaded: ReturnType<typeof loadPageSources> } | undefined;
  const load = (files: readonly string[], tree: DocsTree | undefined): ReturnType<typeof loadPageSources> => {
    const key = JSON.stringify([files, files.map((f) => tree?.rootOf(f))]);
    if (last?.key !== key) last = { key, loaded: loadPageSources(files, options.cwd, tree, texts, maxFileBytes) };
    return last.loaded;
  };

  const parser: PageParser = async (files, tree) => {
    const cachePath = join(dir, PAGES_FILE);
    const build = options.cache ? await sdkforgeBuildHash() : '';
    const cache = options.cache ? await loadCache(cachePath, build) : undefined;
    const { sources, fragments } = load(files, tree);
    const results: (PageResult | undefined)[] = new Array(files.length);
    const todo: number[] = [];
    sources.forEach((s, i) => {
      if (s.unreadable || fragments.has(s.file)) {
        results[i] = s.unreadable ? unreadableResult(s.file, s.unreadable) : fragmentResult(s.file);
        return;
      }
      const hit = cache?.pages[s.file];
      if (hit && hit.hash === s.hash) results[i] = hit.result;
      else todo.push(i);
    });
    parser.lastParsed = todo.length;
    if (todo.length > 0) {
      const parsed = await parseMany(todo.map((i) => sources[i]!), options.workers);
      todo.forEach((i, k) => (results[i] = parsed[k]));
    }
    if (options.cache && (todo.length > 0 || !cache || Object.keys(cache.pages).length !== files.length)) {
      const pages: CacheFile['pages'] = {};
      sources.forEach((s, i) => {
        if (!s.unreadable) pages[s.file] = { hash: s.hash, result: results[i]! };
      });
      await saveJson(cachePath, { build, pages } satisfies CacheFile);
    }
    return results as PageResult[];
  };

  if (options.cache) {
    // Warm path: when no page, fragment and override changed, the assembled result is read back
    // whole and no page result is even loaded.
    const assembledPath = join(dir, ASSEMBLED_FILE);
    parser.assembled = {
      async load(files, overrides, tree) {
        const { sources } = load(files, tree);
        const overrideHashes = overrides.map((f) => [f, readOverrideHash(resolve(options.cwd, f), f, texts, maxFileBytes)]);
        const key = createHash('sha1')
          .update(JSON.stringify([await sdkforgeBuildHash(), ...sources.map((s) => [s.file, s.hash]), ...overrideHashes]))
          .digest('hex');
        try {
          const data = JSON.parse(await readFile(assembledPath, 'utf8')) as { key: string; result: DocsIngestResult };
          return data.key === key ? { key, hit: data.result } : { key };
        } catch {
          return { key };
        }
      },
      async save(key, result) {
        await saveJson(assembledPath, { key, result });
      },
    };
  }
  return parser;
}

/** An override file's content hash (the file is read as untrusted input, like the pages). */
function readOverrideHash(abs: string, display: string, texts: Map<string, string>, maxFileBytes: number): string {
  let t = texts.get(abs);
  if (t === undefined) {
    const got = readInputFile(abs, display, { maxFileBytes });
    if (!got.ok) return `unreadable:${got.diagnostic.code}`;
    t = got.text;
    texts.set(abs, t);
  }
  return hashOf(t);
}

async function loadCache(path: string, build: string): Promise<CacheFile | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    return data.build === build ? data : undefined;
  } catch {
    return undefined;
  }
}

async function saveJson(path: string, data: unknown): Promise<void> {
  try {
    await mkdir(join(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(data));
    await rename(tmp, path);
  } catch {
    // the cache is an optimisation: a read-only checkout still works
  }
}

const WORKER_FILE = fileURLToPath(new URL('./page-worker.js', import.meta.url));

/**
 * Worker threads only when asked (`--workers n`): on the 2-core machines measured, copying the
 * page results back from the threads costs more than the parallel parse saves (corpus cold:
 * 1.5 s in one thread, 1.8 s with 2 workers; `npm run bench ir`).
 */
async function parseMany(sources: PageSource[], workers: number | undefined): Promise<PageResult[]> {
  const n = workers ?? 0;
  if (n <= 1 || !existsSync(WORKER_FILE)) return sources.map((s) => parsePage(s.file, s.text, s.expansion));
  const chunks: number[][] = Array.from({ length: n }, () => []);
  sources.forEach((_s, i) => chunks[i % n]!.push(i));
  const out: PageResult[] = new Array(sources.length);
  await Promise.all(
    chunks.map(
      (idx) =>
        new Promise<void>((done, fail) => {
          const w = new Worker(WORKER_FILE, { workerData: { sources: idx.map((i) => sources[i]) } });
          w.once('message', (results: PageResult[]) => {
            results.forEach((r, k) => (out[idx[k]!] = r));
            done();
          });
          w.once('error', fail);
        }),
    ),
  );
  return out;
}
