import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { isSafeOutputPath, type GeneratedFile } from './files.js';

/**
 * Writes only what changed, in place: `write` (new or different files) and `remove` (files no
 * longer generated), paths relative to `outDir`. Not atomic, unlike `writeOutput`: it is the
 * dev loop's writer (`generate --watch`), where a dev server watches the files and a folder
 * swapped by rename would leave its watchers on the old folder.
 */
export async function updateInPlace(outDir: string, change: { write: readonly GeneratedFile[]; remove: readonly string[] }): Promise<Diagnostic[]> {
  const out = resolve(outDir);
  const unsafe = [...change.write.map((f) => f.path), ...change.remove].filter((p) => !isSafeOutputPath(p));
  if (unsafe.length > 0) {
    return unsafe.map((p) => ({ code: 'output-unsafe-path' as const, severity: 'error' as const, message: `refused to write ${JSON.stringify(p)}: not a safe path inside the output folder` }));
  }
  try {
    for (const f of change.write) {
      const target = join(out, ...f.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.contents);
    }
    for (const p of change.remove) await rm(join(out, ...p.split('/')), { force: true });
  } catch (e) {
    return [{ code: 'output-write-failed', severity: 'error', message: `updating ${outDir} failed: ${(e as Error).message}` }];
  }
  return [];
}
