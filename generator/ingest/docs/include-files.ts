import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { displayPath } from '../../diagnostics/display-path.js';
import { isInside } from '../../formats/path-containment.js';
import type { IncludeResolver, IncludeTarget } from './includes.js';

/** A fragment larger than this is refused (the published ones are a few KB). */
export const MAX_FRAGMENT_BYTES = 1_000_000;

/**
 * Finds the file an include directive names, inside the docs tree only.
 *
 * The docs site reads `!!!include(reference/sdk/common/x.md)!!!` relative to its docs root. The
 * root is found by walking up from the file that holds the directive to `root` (the configured
 * `docs.root`, else the input folder the page was found in): the first folder F where F/<path>
 * is a file is the docs root. When none is, the tree may be a subfolder of the docs root, as the
 * corpus is `reference/sdk/` of its site: `root`/<path without its first folders> is tried,
 * dropping one more leading folder each time.
 *
 * Never outside `root`: absolute paths, `..` and backslashes are refused before any look-up,
 * and a candidate is used only when its real path (symlinks followed) is a regular file inside
 * the real path of `root`.
 */
export function fileIncludeResolver(cwd: string, root: string, readText: (abs: string) => string = (f) => readFileSync(f, 'utf8')): IncludeResolver {
  const rootAbs = resolve(cwd, root);
  let rootReal: string | undefined;
  try {
    rootReal = realpathSync(rootAbs);
  } catch {
    rootReal = undefined;
  }
  const inside = (real: string): boolean => rootReal !== undefined && isInside(real, rootReal);

  return (target: string, fromFile: string): IncludeTarget => {
    const refused = (why: string): IncludeTarget => ({ ok: false, code: 'md-include-refused', message: `include "${target}" is refused: ${why}` });
    if (target === '') return refused('the path is empty');
    if (/[\0\\]/.test(target)) return refused('a path may not hold a backslash or NUL');
    if (isAbsolute(target) || /^[A-Za-z]:/.test(target)) return refused('the path must be relative to the docs root');
    const segments = target.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.includes('..')) return refused('".." would leave the docs root');
    if (segments.length === 0) return refused('the path names no file');
    if (rootReal === undefined) return { ok: false, code: 'md-include-unresolved', message: `include "${target}": the docs root ${displayPath(rootAbs, cwd)} does not exist` };

    const candidates: string[] = [];
    const fromDir = dirname(resolve(cwd, fromFile));
    // walk up from the including file's folder to the root (only folders inside the root)
    if (isInside(fromDir, rootAbs)) {
      for (let dir = fromDir; ; dir = dirname(dir)) {
        candidates.push(join(dir, ...segments));
        if (dir === rootAbs || dirname(dir) === dir) break;
      }
    } else candidates.push(join(rootAbs, ...segments));
    // the tree as a subfolder of the docs root: drop leading folders of the path
    for (let n = 1; n < segments.length; n++) candidates.push(join(rootAbs, ...segments.slice(n)));

    let refusal: IncludeTarget | undefined;
    for (const c of candidates) {
      let real: string;
      try {
        real = realpathSync(c);
      } catch {
        continue;
      }
      if (!inside(real)) {
        refusal ??= refused(`${displayPath(c, cwd)} leads outside the docs root ${displayPath(rootAbs, cwd)}`);
        continue;
      }
      const st = statSync(real);
      if (!st.isFile()) {
        refusal ??= refused(`${displayPath(c, cwd)} is not a regular file`);
        continue;
      }
      if (st.size > MAX_FRAGMENT_BYTES) {
        refusal ??= refused(`${displayPath(c, cwd)} is larger than ${MAX_FRAGMENT_BYTES} bytes`);
        continue;
      }
      return { ok: true, file: displayPath(c, cwd), key: real, text: readText(real) };
    }
    return (
      refusal ?? {
        ok: false,
        code: 'md-include-unresolved',
        message: `include "${target}" names no file under the docs root ${displayPath(rootAbs, cwd)} (walked up from ${displayPath(fromDir, cwd)}; set docs.root in sdkforge.config.json if the root is elsewhere)`,
      }
    );
  };
}

/** The identity of a page for cycle checks, as the resolver keys fragments (its real path). */
export function fileKey(cwd: string, file: string): string {
  try {
    return realpathSync(resolve(cwd, file));
  } catch {
    return resolve(cwd, file);
  }
}
