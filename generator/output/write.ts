import { randomBytes } from 'node:crypto';
import { appendFileSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from '../formats/path-containment.js';
import { diagnostic } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { isSafeOutputPath, type GeneratedFile } from './files.js';
import { backupDir, commitJournal, moveKept, recoverOutput, stageDir, writeJournal, type Journal } from './journal.js';
import { acquireLock, LOCK_FILE } from './lock.js';
import { MARKER_TEXT, OWNERSHIP_MARKER, type OwnedFolder } from './owned.js';

export interface WriteOptions {
  /**
   * Top-level folders of the output this run owns (`sdk`, `docs`), with what each keeps: each is
   * replaced as a whole, so files no longer generated disappear. The folder of every generated
   * file is owned too; anything else in the output folder is left alone.
   */
  owned?: readonly OwnedFolder[];
  /** Working directory: the output folder may not be it or one of its parents (real paths). */
  cwd?: string;
  /** Replace an owned folder even when it has no ownership marker (sdkforge did not write it). */
  force?: boolean;
  /** How long to wait for another run writing the same folder (default 60 s), then fail. */
  lockWaitMs?: number;
}

export interface WriteResult {
  written: number;
  diagnostics: Diagnostic[];
}

/**
 * Test hooks, so that tests drive the writer step by step without timers: each step the writer
 * reaches is appended (`<pid> <step>`) to the file `SDKFORGE_WRITE_TRACE` names, and
 * `SDKFORGE_WRITE_CRASH_AT=<step>` kills the process there (SIGKILL, as `kill -9` would).
 * Steps: `lock-wait` (another run holds the lock), `staged`, `journal`, `old-out:<entry>`,
 * `new-in:<entry>`, `kept:<entry>`, `committed`.
 */
function step(name: string): void {
  const trace = process.env.SDKFORGE_WRITE_TRACE;
  if (trace) appendFileSync(trace, `${process.pid} ${name}\n`);
  if (process.env.SDKFORGE_WRITE_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}

/**
 * The real path of `path`, which may not exist yet: its deepest existing ancestor resolved
 * (symbolic links followed), then the rest. Every guard compares real paths.
 */
export function realPathOf(path: string): string {
  const abs = resolve(path);
  const rest: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    try {
      return join(realpathSync.native(p), ...rest.reverse());
    } catch {
      if (dirname(p) === p) return abs;
      rest.push(basename(p));
    }
  }
}

type EntryState = 'absent' | 'owned' | 'foreign';

function entryState(path: string): { state: EntryState; why?: string } {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return { state: 'absent' };
  }
  if (st.isSymbolicLink()) return { state: 'foreign', why: 'it is a symbolic link' };
  if (!st.isDirectory()) return { state: 'foreign', why: 'it is a file' };
  try {
    if (lstatSync(join(path, OWNERSHIP_MARKER)).isFile()) return { state: 'owned' };
  } catch {
    // no marker
  }
  return { state: 'foreign', why: `it has no ${OWNERSHIP_MARKER} marker` };
}

/**
 * Writes a file set into `outDir`, replacing each owned folder as a whole:
 *
 * 1. real paths first: the output folder, followed through any link, may not be the working
 *    directory, one of its parents or the root; no path may leave it;
 * 2. a lock (`.sdkforge.lock`): a second run into the same folder waits, then fails clearly;
 * 3. recovery: what an interrupted run left (journal.ts) is rolled back first;
 * 4. ownership: an existing owned folder must carry sdkforge's marker, unless `force`;
 * 5. everything is staged inside the output folder, the swap is journaled, then done by renames;
 *    kept entries (node_modules, dist, …) move from the old folder into the new one; removing
 *    the journal commits. A failed run leaves the folder as it was.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const unsafe = files.filter((f) => !isSafeOutputPath(f.path));
  if (unsafe.length > 0) {
    return { written: 0, diagnostics: unsafe.map((f) => diagnostic('output-unsafe-path', `refused to write ${JSON.stringify(f.path)}: not a safe path inside the output folder`)) };
  }
  const seen = new Set<string>();
  const dupes = files.filter((f) => (seen.has(f.path) ? true : (seen.add(f.path), false)));
  if (dupes.length > 0) {
    return { written: 0, diagnostics: dupes.map((f) => diagnostic('output-unsafe-path', `two generated files share the path ${JSON.stringify(f.path)}`)) };
  }

  const out = realPathOf(outDir);
  const cwd = realPathOf(options.cwd ?? process.cwd());
  if (out === dirname(out) || isInside(cwd, out)) {
    const via = out === resolve(outDir) ? '' : ` (through a link, it is ${out})`;
    return { written: 0, diagnostics: [diagnostic('output-folder-unsafe', `refused to write into ${outDir}${via}: it is the working directory, one of its parents or the root`)] };
  }

  const keepsOf = new Map((options.owned ?? []).map((o) => [o.folder, [...(o.keeps ?? [])]]));
  const entries = [...new Set([...keepsOf.keys(), ...files.map((f) => f.path.split('/')[0]!)])].sort();

  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    return { written: 0, diagnostics: [failed(outDir, e)] };
  }
  const lock = await acquireLock(out, options.lockWaitMs ?? 60_000, () => step('lock-wait'));
  if (!lock.ok) {
    return { written: 0, diagnostics: [diagnostic('output-locked', `${outDir} is being written by another sdkforge run (${lock.holder}); nothing was written. If no run is writing there, remove ${join(outDir, LOCK_FILE)}`)] };
  }
  const diagnostics: Diagnostic[] = [];
  try {
    const recovered = await recoverOutput(out);
    if (recovered.length > 0) diagnostics.push(diagnostic('output-recovered', `${outDir}: ${recovered.join('; ')}`));

    const foreign = entries.map((e) => ({ e, ...entryState(join(out, e)) })).filter((s) => s.state === 'foreign');
    if (foreign.length > 0 && !options.force) {
      for (const f of foreign) {
        diagnostics.push(diagnostic('output-not-owned', `refused to replace ${join(outDir, f.e)}/: sdkforge did not write it (${f.why}); nothing was written. Move it away, or pass --force to replace it`));
      }
      return { written: 0, diagnostics };
    }

    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const stage = stageDir(out, tag);
    const backup = backupDir(out, tag);
    try {
      for (const e of entries) {
        mkdirSync(join(stage, e), { recursive: true });
        writeFileSync(join(stage, e, OWNERSHIP_MARKER), MARKER_TEXT);
      }
      const made = new Set<string>(); // one mkdir per folder, not per file (thousands on a large API)
      for (const f of files) {
        const target = join(stage, ...f.path.split('/'));
        const dir = dirname(target);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeFileSync(target, f.contents);
      }
      mkdirSync(backup, { recursive: true });
    } catch (e) {
      rmSync(stage, { recursive: true, force: true });
      rmSync(backup, { recursive: true, force: true });
      diagnostics.push(failed(outDir, e));
      return { written: 0, diagnostics };
    }
    step('staged');

    const journal: Journal = { version: 1, tag, entries: entries.map((name) => ({ name, hadOld: entryState(join(out, name)).state !== 'absent', keeps: keepsOf.get(name) ?? [] })) };
    try {
      writeJournal(out, journal);
      step('journal');
      for (const e of journal.entries) {
        if (e.hadOld) renameSync(join(out, e.name), join(backup, e.name));
        step(`old-out:${e.name}`);
        renameSync(join(stage, e.name), join(out, e.name));
        step(`new-in:${e.name}`);
      }
      for (const e of journal.entries) {
        if (e.hadOld) await moveKept(join(backup, e.name), join(out, e.name), e.keeps);
        step(`kept:${e.name}`);
      }
    } catch (e) {
      // undo exactly what was done, the way the next run would after a crash
      await recoverOutput(out).catch(() => []);
      diagnostics.push(failed(outDir, e));
      return { written: 0, diagnostics };
    }
    commitJournal(out);
    step('committed');
    rmSync(stage, { recursive: true, force: true });
    rmSync(backup, { recursive: true, force: true });
    return { written: files.length, diagnostics };
  } finally {
    lock.release();
  }
}

function failed(outDir: string, e: unknown): Diagnostic {
  return diagnostic('output-write-failed', `writing ${outDir} failed, it was left as it was: ${(e as Error).message}`);
}
