import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocsIngestResult, PageParser } from './index.js';
import type { PageResult } from '../reader/read-page.js';
import { parsePage } from './parse-page.js';
import { CACHE_DIR } from '../../package-assets.js';

/**
 * Bump when the page parser's output changes: cached results of older parsers are then ignored.
 * (The cache key also holds the page's content hash, so an edited page is always re-parsed.)
 */
export const PARSER_VERSION = 3;



interface CacheFile {
  version: number;
  pages: Record<string, { hash: string; result: PageResult }>;
}

export interface PagesParserOptions {
  cwd: string;
  /** Read and write the content-hash cache in `<cwd>/.sdkforge-cache/`. */
  cache?: boolean;
  /** Worker threads; 0 (the default) parses in this thread. */
  workers?: number | undefined;
}

const hashOf = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * The page parser the CLI uses: a content-hash cache in front of worker threads.
 * Warm (nothing changed), no page is parsed; cold, pages are parsed on all cores.
 */
export function pagesParser(options: PagesParserOptions): PageParser {
  const dir = join(resolve(options.cwd), CACHE_DIR);
  const texts = new Map<string, string>();
  const hashes = new Map<string, string>();
  const read = async (files: readonly string[]): Promise<void> => {
    // synchronous reads: for thousands of small pages they cost a third of the promise API's
    for (const f of files) {
      if (texts.has(f)) continue;
      const text = readFileSync(resolve(options.cwd, f), 'utf8');
      texts.set(f, text);
      hashes.set(f, hashOf(text));
    }
  };

  const parser: PageParser = async (files) => {
    const cachePath = join(dir, `pages-v${PARSER_VERSION}.json`);
    const cache = options.cache ? await loadCache(cachePath) : undefined;
    await read(files);
    const results: (PageResult | undefined)[] = new Array(files.length);
    const todo: number[] = [];
    files.forEach((f, i) => {
      const hit = cache?.pages[f];
      if (hit && hit.hash === hashes.get(f)) results[i] = hit.result;
      else todo.push(i);
    });
    if (todo.length > 0) {
      const parsed = await parseMany(
        todo.map((i) => files[i]!),
        todo.map((i) => texts.get(files[i]!)!),
        options.workers,
      );
      todo.forEach((i, k) => (results[i] = parsed[k]));
    }
    if (options.cache && (todo.length > 0 || !cache || Object.keys(cache.pages).length !== files.length)) {
      const pages: CacheFile['pages'] = {};
      files.forEach((f, i) => (pages[f] = { hash: hashes.get(f)!, result: results[i]! }));
      await saveJson(cachePath, { version: PARSER_VERSION, pages });
    }
    return results as PageResult[];
  };

  if (options.cache) {
    // Warm path: when no page and no override changed, the assembled result is read back whole
    // and no page result is even loaded.
    const assembledPath = join(dir, `ir-v${PARSER_VERSION}.json`);
    parser.assembled = {
      async load(files, overrides) {
        await read([...files, ...overrides]);
        const key = createHash('sha1')
          .update(JSON.stringify([PARSER_VERSION, ...[...files, ...overrides].map((f) => [f, hashes.get(f)])]))
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
};

async function loadCache(path: string): Promise<CacheFile | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    return data.version === PARSER_VERSION ? data : undefined;
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
async function parseMany(files: string[], texts: string[], workers: number | undefined): Promise<PageResult[]> {
  const n = workers ?? 0;
  if (n <= 1 || !existsSync(WORKER_FILE)) return files.map((f, i) => parsePage(f, texts[i]!));
  const chunks: number[][] = Array.from({ length: n }, () => []);
  files.forEach((_f, i) => chunks[i % n]!.push(i));
  const out: PageResult[] = new Array(files.length);
  await Promise.all(
    chunks.map(
      (idx) =>
        new Promise<void>((done, fail) => {
          const w = new Worker(WORKER_FILE, { workerData: { files: idx.map((i) => files[i]), texts: idx.map((i) => texts[i]) } });
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
