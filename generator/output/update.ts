import { lstatSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { diagnostic } from '../diagnostics/collector.js';
import { isInside } from '../formats/path-containment.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { isSafeOutputPath, type GeneratedFile } from './files.js';
import { recoverOutput } from './journal.js';
import { acquireLock, LOCK_FILE } from './lock.js';
import { OWNERSHIP_MARKER } from './owned.js';
import { realPathOf } from './write.js';

/**
 * Writes only what changed, in place: `write` (new or different files) and `remove` (files no
 * longer generated), paths relative to `outDir`. Not atomic, unlike `writeOutput`: it is the
 * dev loop's writer (`generate --watch`), where a dev server watches the files and a folder
 * swapped by rename would leave its watchers on the old folder. The same guards hold: the
 * output folder's lock, recovery of a full run that was killed mid-swap, only folders that
 * carry sdkforge's marker (the first full run wrote them), and no write through a link that
 * leaves the output folder.
 */
export async function updateInPlace(outDir: string, change: { write: readonly GeneratedFile[]; remove: readonly string[] }, options: { lockWaitMs?: number } = {}): Promise<Diagnostic[]> {
  const paths = [...change.write.map((f) => f.path), ...change.remove];
  const unsafe = paths.filter((p) => !isSafeOutputPath(p));
  if (unsafe.length > 0) return unsafe.map((p) => diagnostic('output-unsafe-path', `refused to write ${JSON.stringify(p)}: not a safe path inside the output folder`));
  if (paths.length === 0) return [];

  const out = realPathOf(outDir);
  const folders = [...new Set(paths.map((p) => p.split('/')[0]!))].sort();
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  try {
    lock = await acquireLock(out, options.lockWaitMs ?? 60_000);
  } catch (e) {
    // no output folder to lock (removed since the first run)
    return [diagnostic('output-write-failed', `updating ${outDir} failed: ${(e as Error).message}`)];
  }
  if (!lock.ok) {
    return [diagnostic('output-locked', `${outDir} is being written by another sdkforge run (${lock.holder}); nothing was written. If no run is writing there, remove ${join(outDir, LOCK_FILE)}`)];
  }
  const diagnostics: Diagnostic[] = [];
  try {
    // a full run killed mid-swap left its journal: put the folders back before writing into them
    const recovered = await recoverOutput(out);
    if (recovered.length > 0) diagnostics.push(diagnostic('output-recovered', `${outDir}: ${recovered.join('; ')}`));
    const foreign = folders.filter((f) => !hasMarker(join(out, f)));
    if (foreign.length > 0) {
      return [...diagnostics, ...foreign.map((f) => diagnostic('output-not-owned', `refused to update ${join(outDir, f)}/ in place: sdkforge did not write it (no ${OWNERSHIP_MARKER} marker); nothing was written`))];
    }
    for (const f of change.write) {
      const target = join(out, ...f.path.split('/'));
      // checked before the folders are made, and again after: a link may lead anywhere
      if (!inside(realPathOf(target), out)) return [...diagnostics, escaped(outDir, f.path)];
      await mkdir(dirname(target), { recursive: true });
      if (!inside(realPathOf(target), out)) return [...diagnostics, escaped(outDir, f.path)];
      await writeFile(target, f.contents);
    }
    for (const p of change.remove) {
      const target = join(out, ...p.split('/'));
      if (!inside(realPathOf(dirname(target)), out)) return [...diagnostics, escaped(outDir, p)];
      await rm(target, { force: true });
    }
  } catch (e) {
    return [...diagnostics, diagnostic('output-write-failed', `updating ${outDir} failed: ${(e as Error).message}`)];
  } finally {
    lock.release();
  }
  return diagnostics;
}

function hasMarker(folder: string): boolean {
  try {
    return lstatSync(folder).isDirectory() && lstatSync(join(folder, OWNERSHIP_MARKER)).isFile();
  } catch {
    return false;
  }
}

/** Strictly inside: a file's real path, never the output folder itself. */
const inside = (path: string, root: string): boolean => path !== root && isInside(path, root);

const escaped = (outDir: string, path: string): Diagnostic =>
  diagnostic('output-unsafe-path', `refused to write ${JSON.stringify(path)} in ${outDir}: through a link it leaves the output folder; nothing more was written`);
