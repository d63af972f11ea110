import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { isSafeOutputPath, type GeneratedFile } from './files.js';

export interface WriteOptions {
  /**
   * Top-level entries of the output folder this run owns (`sdk`, `docs`): each is replaced as a
   * whole, so files no longer generated disappear. Entries of generated files are always owned;
   * anything else in the folder is left alone.
   */
  owned?: readonly string[];
  /** Working directory: the output folder may not be it or one of its parents. */
  cwd?: string;
}

export interface WriteResult {
  written: number;
  diagnostics: Diagnostic[];
}

/**
 * Writes a file set into `outDir` atomically per owned entry: everything is first written into
 * a temporary sibling folder; only when all of it is on disk is each owned entry swapped in by
 * rename (the old one renamed away first, restored if a swap fails). A failed run leaves the
 * folder as it was. Nothing is written when any path is unsafe.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const out = resolve(outDir);
  const unsafe = files.filter((f) => !isSafeOutputPath(f.path));
  if (unsafe.length > 0) {
    return {
      written: 0,
      diagnostics: unsafe.map((f) => ({ code: 'output-unsafe-path', severity: 'error' as const, message: `refused to write ${JSON.stringify(f.path)}: not a safe path inside the output folder` })),
    };
  }
  const cwd = resolve(options.cwd ?? process.cwd());
  const fromOut = relative(out, cwd);
  if (out === dirname(out) || fromOut === '' || (!fromOut.startsWith('..') && !fromOut.startsWith(sep) && !/^[A-Za-z]:/.test(fromOut))) {
    return { written: 0, diagnostics: [{ code: 'output-folder-unsafe', severity: 'error', message: `refused to write into ${outDir}: it is the working directory or one of its parents` }] };
  }
  const seen = new Set<string>();
  const dupes = files.filter((f) => (seen.has(f.path) ? true : (seen.add(f.path), false)));
  if (dupes.length > 0) {
    return { written: 0, diagnostics: dupes.map((f) => ({ code: 'output-unsafe-path', severity: 'error' as const, message: `two generated files share the path ${JSON.stringify(f.path)}` })) };
  }

  const owned = [...new Set([...(options.owned ?? []), ...files.map((f) => f.path.split('/')[0]!)])].sort();
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const stage = join(dirname(out), `.${basename(out)}.sdkforge-new-${tag}`);
  const backup = join(dirname(out), `.${basename(out)}.sdkforge-old-${tag}`);
  try {
    await mkdir(stage, { recursive: true });
    for (const f of files) {
      const target = join(stage, ...f.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.contents);
    }
    await mkdir(out, { recursive: true });
    await mkdir(backup, { recursive: true });
  } catch (e) {
    await rm(stage, { recursive: true, force: true });
    await rm(backup, { recursive: true, force: true });
    return { written: 0, diagnostics: [failed(outDir, e)] };
  }

  // the swap: old entries aside, new ones in; on any failure every step is undone
  const done: { entry: string; hadOld: boolean }[] = [];
  try {
    for (const entry of owned) {
      const current = join(out, entry);
      const hadOld = existsSync(current);
      if (hadOld) await rename(current, join(backup, entry));
      done.push({ entry, hadOld });
      if (existsSync(join(stage, entry))) await rename(join(stage, entry), current);
    }
  } catch (e) {
    for (const { entry, hadOld } of done.reverse()) {
      await rm(join(out, entry), { recursive: true, force: true }).catch(() => undefined);
      if (hadOld) await rename(join(backup, entry), join(out, entry)).catch(() => undefined);
    }
    await rm(stage, { recursive: true, force: true });
    await rm(backup, { recursive: true, force: true });
    return { written: 0, diagnostics: [failed(outDir, e)] };
  }
  await rm(stage, { recursive: true, force: true });
  await rm(backup, { recursive: true, force: true });
  return { written: files.length, diagnostics: [] };
}

function failed(outDir: string, e: unknown): Diagnostic {
  return { code: 'output-write-failed', severity: 'error', message: `writing ${outDir} failed, it was left as it was: ${(e as Error).message}` };
}
