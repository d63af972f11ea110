import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { glob } from 'tinyglobby';

/**
 * The swap of the owned folders, made recoverable. Before the first rename the writer records
 * what it is about to do in `<out>/.sdkforge-journal.json`; deleting the journal is the commit.
 * A run killed in between leaves the journal, and the next run (holding the lock) rolls the swap
 * back to the previous generation exactly, kept entries included, before it writes its own.
 * Staging and backup folders live inside `<out>`, so everything sdkforge leaves behind is its own.
 */

export const JOURNAL_FILE = '.sdkforge-journal.json';
export const STAGE_PREFIX = '.sdkforge-stage-';
export const BACKUP_PREFIX = '.sdkforge-old-';

export interface Journal {
  version: 1;
  /** Names the staging (`.sdkforge-stage-<tag>`) and backup (`.sdkforge-old-<tag>`) folders. */
  tag: string;
  /** Owned entries in swap order; `hadOld`: an entry of that name was there before. */
  entries: { name: string; hadOld: boolean; keeps: string[] }[];
}

export const stageDir = (out: string, tag: string): string => join(out, `${STAGE_PREFIX}${tag}`);
export const backupDir = (out: string, tag: string): string => join(out, `${BACKUP_PREFIX}${tag}`);

export function writeJournal(out: string, journal: Journal): void {
  const path = join(out, JOURNAL_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(journal));
  renameSync(`${path}.tmp`, path);
}

export function commitJournal(out: string): void {
  rmSync(join(out, JOURNAL_FILE), { force: true });
}

/** Paths (relative to `dir`) that match `keeps`, outermost only: `node_modules`, not its files. */
export async function keptPaths(dir: string, keeps: readonly string[]): Promise<string[]> {
  if (keeps.length === 0 || !existsSync(dir)) return [];
  const found = (await glob([...keeps], { cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false, expandDirectories: false }))
    .map((p) => p.replace(/\/$/, ''))
    .sort();
  const out: string[] = [];
  for (const p of found) if (!out.some((o) => p.startsWith(`${o}/`))) out.push(p);
  return out;
}

/** Moves each kept path from `from` to `to` unless `to` already has that path (the generated file wins). */
export async function moveKept(from: string, to: string, keeps: readonly string[]): Promise<void> {
  for (const p of await keptPaths(from, keeps)) {
    const target = join(to, ...p.split('/'));
    if (exists(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(from, ...p.split('/')), target);
  }
}

/** Like existsSync, but a dangling symbolic link exists too. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts `<out>` back the way an interrupted run found it, and removes what runs left behind.
 * Returns what was done, for a diagnostic (empty when there was nothing to recover).
 */
export async function recoverOutput(out: string): Promise<string[]> {
  const done: string[] = [];
  const journalPath = join(out, JOURNAL_FILE);
  if (existsSync(journalPath)) {
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
    } catch {
      journal = undefined;
    }
    if (journal && journal.version === 1) {
      const stage = stageDir(out, journal.tag);
      const backup = backupDir(out, journal.tag);
      for (const e of [...journal.entries].reverse()) {
        const current = join(out, e.name);
        const newIn = !exists(join(stage, e.name));
        if (newIn) {
          // the new folder is in place: hand kept entries back to the old one, then swap back
          if (e.hadOld && exists(join(backup, e.name))) {
            await moveKept(current, join(backup, e.name), e.keeps);
            rmSync(current, { recursive: true, force: true });
            renameSync(join(backup, e.name), current);
          } else if (!e.hadOld) rmSync(current, { recursive: true, force: true });
        } else if (e.hadOld && exists(join(backup, e.name)) && !exists(current)) {
          renameSync(join(backup, e.name), current);
        }
      }
      done.push(`rolled back an interrupted run (${journal.entries.map((e) => `${e.name}/`).join(', ')} as they were before it)`);
    }
    rmSync(journalPath, { force: true });
  }
  // staging and backup folders: an unfinished stage, or a committed run's old folders
  for (const name of readdirSync(out)) {
    if (name.startsWith(STAGE_PREFIX) || name.startsWith(BACKUP_PREFIX) || name === `${JOURNAL_FILE}.tmp`) {
      rmSync(join(out, name), { recursive: true, force: true });
      done.push(`removed ${name}`);
    }
  }
  done.push(...recoverLegacy(out));
  return done;
}

/**
 * Leftovers of sdkforge before the journal: `.<out>.sdkforge-new-*` and `.<out>.sdkforge-old-*`
 * beside the output folder. An old folder whose entry is missing from `<out>` is put back (a run
 * killed between its renames left it there), then both kinds are removed.
 */
function recoverLegacy(out: string): string[] {
  const done: string[] = [];
  const parent = dirname(out);
  const prefix = `.${basename(out)}.sdkforge-`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return done;
  }
  for (const name of names.sort()) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    if (name.startsWith(`${prefix}old-`)) {
      for (const entry of readdirSync(path)) {
        if (!exists(join(out, entry))) {
          renameSync(join(path, entry), join(out, entry));
          done.push(`restored ${entry}/ from ${name}`);
        }
      }
    }
    if (name.startsWith(`${prefix}old-`) || name.startsWith(`${prefix}new-`)) {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed ${name}`);
    }
  }
  return done;
}
