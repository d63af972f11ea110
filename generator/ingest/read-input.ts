import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { diagnostic } from '../diagnostics/collector.js';
import { isInside } from '../formats/path-containment.js';
import type { Diagnostic } from '../diagnostics/types.js';

/**
 * Reading input files that anyone who can open a pull request may have written. A file is read
 * only when, after following symbolic links, it is a regular file (not /dev/zero, a FIFO or a
 * folder), not larger than the size cap, and (for files sdkforge found rather than was given)
 * inside the tree it was found in. Diagnostics name the file and the limit, never its contents.
 */

export interface InputLimits {
  /** Largest input file read, in bytes (pages, specs, files reached by `$ref`, overrides). */
  maxFileBytes: number;
  /** YAML alias expansion allowed per document (the `yaml` package's `maxAliasCount`). */
  yamlAliases: number;
}

export const DEFAULT_LIMITS: InputLimits = { maxFileBytes: 64 * 1024 * 1024, yamlAliases: 10_000 };

/** Where each limit is raised, as the diagnostics name it. */
export const LIMIT_SETTING: Record<keyof InputLimits, string> = {
  maxFileBytes: 'limits.maxFileBytes in sdkforge.config.json',
  yamlAliases: 'limits.yamlAliases in sdkforge.config.json',
};

export type InputRead = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };


export interface InputCheck {
  maxFileBytes: number;
  /**
   * Folders the file must be inside, both as written and as real paths (the path is checked as
   * written before anything is looked up, then its real path); absent: anywhere (a file the user named).
   */
  roots?: readonly string[];
  /** How the roots are described in a refusal ("the input folder docs/"). */
  rootsLabel?: string;
}

const at = (display: string) => ({ file: display, line: 1, column: 1 });

/** Checks a file without reading it (following symbolic links): nothing, or why it is refused. */
export function checkInputFile(abs: string, display: string, check: InputCheck): { ok: true; size: number } | { ok: false; diagnostic: Diagnostic } {
  // a path outside the roots is refused before it is looked at: whether it exists is not told
  if (check.roots && !check.roots.some((r) => isInside(abs, r))) return { ok: false, diagnostic: outside(display, 'it is', check) };
  let st: Stats;
  try {
    st = statSync(abs);
  } catch (e) {
    return { ok: false, diagnostic: unreadable(display, e) };
  }
  if (!st.isFile()) return { ok: false, diagnostic: notRegular(display, st) };
  if (check.roots) {
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch (e) {
      return { ok: false, diagnostic: unreadable(display, e) };
    }
    if (!check.roots.some((r) => isInside(real, r))) return { ok: false, diagnostic: outside(display, real === abs ? 'it is' : 'it leads (through a symbolic link)', check) };
  }
  if (st.size > check.maxFileBytes) return { ok: false, diagnostic: tooLarge(display, check.maxFileBytes) };
  return { ok: true, size: st.size };
}

const outside = (display: string, how: string, check: InputCheck): Diagnostic =>
  diagnostic('input-refused', `${display} is refused: ${how} outside ${check.rootsLabel ?? 'the folder it was found in'}`, at(display));

function unreadable(display: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  return diagnostic(code === 'ENOENT' || code === 'ENOTDIR' ? 'input-not-found' : 'input-unreadable', `${display} cannot be read (${code ?? 'error'})`, at(display));
}

const notRegular = (display: string, st: Stats): Diagnostic => diagnostic('input-refused', `${display} is refused: it is not a regular file (${kindOf(st)})`, at(display));

const tooLarge = (display: string, max: number): Diagnostic =>
  diagnostic('input-too-large', `${display} is larger than ${max} bytes; it was not read (raise ${LIMIT_SETTING.maxFileBytes})`, at(display));

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * Reads an input file as UTF-8 text under `check`. The open is non-blocking and the checks are
 * made on the open file, so a file swapped for a pipe or grown after `checkInputFile` is still
 * refused; at most `maxFileBytes + 1` bytes are ever read.
 */
export function readInputFile(abs: string, display: string, check: InputCheck): InputRead {
  if (check.roots) {
    const checked = checkInputFile(abs, display, check);
    if (!checked.ok) return checked;
  }
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, diagnostic: notRegular(display, st) };
    if (st.size > check.maxFileBytes) return { ok: false, diagnostic: tooLarge(display, check.maxFileBytes) };
    // sized by the stat, grown only if the file grew since (up to one byte over the cap)
    let buffer = Buffer.allocUnsafe(st.size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > check.maxFileBytes) return { ok: false, diagnostic: tooLarge(display, check.maxFileBytes) };
        const bigger = Buffer.allocUnsafe(Math.min(check.maxFileBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > check.maxFileBytes) return { ok: false, diagnostic: tooLarge(display, check.maxFileBytes) };
    return { ok: true, text: buffer.toString('utf8', 0, total) };
  } catch (e) {
    return { ok: false, diagnostic: unreadable(display, e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
