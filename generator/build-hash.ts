import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageAssets } from './package-assets.js';

/** Folder of the running sdkforge code: dist/generator, or generator/ when run from source. */
const CODE_DIR = dirname(fileURLToPath(import.meta.url));

let hash: Promise<string> | undefined;

/**
 * A hash of the build of sdkforge that is running: every file of its code (and of the SDK
 * runtime sources it copies into each SDK, which live beside the source when run from dist/).
 * Every cache in `.sdkforge-cache/` is keyed by it, so a cache written by another build (an
 * upgrade, a local change, a rebuild) is never read back: no version number to bump by hand.
 */
export function sdkforgeBuildHash(): Promise<string> {
  hash ??= (async () => {
    const runtime = packageAssets().runtimeDir;
    const dirs = [CODE_DIR, ...(existsSync(runtime) && relative(CODE_DIR, runtime).startsWith('..') ? [runtime] : [])];
    const h = createHash('sha1');
    for (const dir of dirs) {
      const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && !e.name.endsWith('.map'))
        .map((e) => join(e.parentPath, e.name))
        .sort();
      for (const f of files) h.update(relative(dir, f)).update('\0').update(await readFile(f)).update('\0');
    }
    return h.update(process.version).digest('hex');
  })();
  return hash;
}
