import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { glob } from 'tinyglobby';
import type { GeneratedFile } from '../output/files.js';
import { notGeneratedPatterns, type OwnedFolder } from '../output/owned.js';

/** One generated file whose bytes on disk differ from what the inputs produce. */
export interface ChangedFile {
  path: string;
  /** Unified diff from the disk (`a/`) to the regenerated file (`b/`). */
  patch: string;
}

/** What `check` found: empty `changed`, `added` and `removed` means the output is up to date. */
export interface DriftReport {
  changed: ChangedFile[];
  /** Files the inputs produce that are not on disk. */
  added: string[];
  /** Files on disk, in an owned folder, that the inputs no longer produce. */
  removed: string[];
  unchanged: number;
}

export interface DriftOptions {
  /** Top-level folders of the output the emitters own, with what each keeps; only these are compared. */
  owned: readonly OwnedFolder[];
  /** Extra glob patterns (relative to the output folder) of files that are never compared. */
  ignore?: readonly string[];
}

/** Diffs of files larger than this many edits are summarised: CI logs are read by people. */
const DIFF_TIMEOUT_MS = 2000;

export const isUpToDate = (r: DriftReport): boolean => r.changed.length === 0 && r.added.length === 0 && r.removed.length === 0;

/** Compares a file set in memory with the output folder on disk, without writing anything. */
export async function compareWithDisk(outDir: string, files: readonly GeneratedFile[], options: DriftOptions): Promise<DriftReport> {
  const owned = [...new Set([...options.owned.map((o) => o.folder), ...files.map((f) => f.path.split('/')[0]!)])].sort();
  // what an owned folder holds that is not generated (kept install state, the marker): the
  // emitters' list, the one the writer carries over
  const onDisk = await glob(
    owned.map((o) => `${o}/**`),
    { cwd: outDir, dot: true, onlyFiles: true, ignore: [...notGeneratedPatterns(options.owned), ...(options.ignore ?? [])], followSymbolicLinks: false },
  );
  const generated = new Map(files.map((f) => [f.path, f.contents]));
  const report: DriftReport = { changed: [], added: [], removed: [], unchanged: 0 };
  for (const path of onDisk.sort()) if (!generated.has(path)) report.removed.push(path);

  const paths = [...generated.keys()].sort();
  // read directly (not via the listing): a generated file is compared even under an ignored path
  const disk = await Promise.all(paths.map((p) => readText(join(outDir, ...p.split('/')))));
  paths.forEach((path, i) => {
    const before = disk[i];
    const after = generated.get(path)!;
    if (before === undefined) report.added.push(path);
    else if (before === after) report.unchanged++;
    else report.changed.push({ path, patch: unifiedDiff(path, before, after) });
  });
  return report;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `--- a/path` / `+++ b/path` with 3 lines of context, as `git diff` prints it. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3, timeout: DIFF_TIMEOUT_MS });
  if (patch !== undefined) return patch.replace(/^=+\n/, '');
  const lines = (s: string): number => s.split('\n').length;
  return `--- a/${path}\n+++ b/${path}\n@@ too many changes to show: ${lines(before)} line(s) on disk, ${lines(after)} generated @@\n`;
}
