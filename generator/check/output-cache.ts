import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { Config } from '../config.js';
import { stableStringify } from '../ir/json.js';
import type { Api } from '../ir/types.js';
import type { GeneratedFile } from '../output/files.js';
import { sdkforgeBuildHash } from '../build-hash.js';
import { CACHE_DIR, projectTemplatesDir } from '../package-assets.js';
import { notGeneratedPatterns, type OwnedFolder } from '../output/owned.js';

/**
 * What `check` remembers between runs, so that a run where nothing changed skips the emitters
 * (seconds on a large API): the hash of every file the last full run generated, under a key of
 * everything the output depends on — the IR, the config, the templates and the build of sdkforge
 * (build-hash.ts).
 * Any change to one of them misses the cache and `check` runs the whole pipeline.
 */
interface OutputCache {
  key: string;
  files: Record<string, string>;
}

const CACHE_FILE = 'check-v1.json';
const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex');

async function folderHash(dir: string): Promise<string> {
  const files = existsSync(dir) ? (await glob(['**/*'], { cwd: dir, dot: true, onlyFiles: true })).sort() : [];
  const h = createHash('sha1');
  for (const f of files) h.update(f).update('\0').update(await readFile(join(dir, f))).update('\0');
  return h.digest('hex');
}

export async function outputKey(api: Api, config: Config, cwd: string): Promise<string> {
  const parts = [stableStringify(api, 0), stableStringify(config, 0), await folderHash(projectTemplatesDir(cwd)), await sdkforgeBuildHash()];
  return sha1(parts.join('\n'));
}

const cachePath = (cwd: string): string => join(resolve(cwd), CACHE_DIR, CACHE_FILE);

export async function loadOutputCache(cwd: string): Promise<OutputCache | undefined> {
  try {
    return JSON.parse(await readFile(cachePath(cwd), 'utf8')) as OutputCache;
  } catch {
    return undefined;
  }
}

export async function saveOutputCache(cwd: string, key: string, files: readonly GeneratedFile[]): Promise<void> {
  const data: OutputCache = { key, files: Object.fromEntries(files.map((f) => [f.path, sha1(f.contents)])) };
  try {
    const path = cachePath(cwd);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(data));
    await rename(tmp, path);
  } catch {
    // an optimisation only: a read-only checkout still checks, just slower
  }
}

/**
 * True when the output folder holds exactly the files of the cached run, byte for byte (by
 * hash), in the owned folders and with the same ignores as the full comparison.
 */
export async function diskMatchesCache(outDir: string, cache: OutputCache, owned: readonly OwnedFolder[]): Promise<boolean> {
  const all = [...new Set([...owned.map((o) => o.folder), ...Object.keys(cache.files).map((p) => p.split('/')[0]!)])];
  const onDisk = await glob(
    all.map((o) => `${o}/**`),
    { cwd: outDir, dot: true, onlyFiles: true, ignore: notGeneratedPatterns(owned), followSymbolicLinks: false },
  );
  const expected = Object.keys(cache.files);
  if (onDisk.length !== expected.length || onDisk.some((p) => !(p in cache.files))) return false;
  // read one by one, synchronously: a few thousand small files, where a promise per file costs
  // more than the read, and the first difference ends the comparison
  return expected.every((p) => {
    try {
      return sha1(readFileSync(join(outDir, ...p.split('/')))) === cache.files[p];
    } catch {
      return false;
    }
  });
}
