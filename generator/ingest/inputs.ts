import { realpath, realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { glob, type GlobOptions } from 'tinyglobby';
import { displayPath } from '../diagnostics/display-path.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { OVERRIDES_FILE } from './docs/overrides.js';
import { isInside } from '../formats/path-containment.js';
import { checkInputFile, DEFAULT_LIMITS, type InputLimits } from './read-input.js';
import { diagnostic } from '../diagnostics/collector.js';
import { isPageFile, SYNTAXES } from './syntax/index.js';

/** The inputs of a run, sorted into what each ingester reads. Paths are cwd-relative, `/`-separated. */
export interface ResolvedInputs {
  /** Docs pages, in any syntax of syntax/ (markdown, HTML, copied text). */
  pages: string[];
  /** Overrides files (http-overrides.json) beside the pages. */
  overrides: string[];
  /** OpenAPI documents. */
  specs: string[];
}

/**
 * The one list of what sdkforge reads, and how a file is routed to its reader. `inFolders`: the
 * kind is also collected from folders (a spec only counts when named as a file: folders of docs
 * often hold unrelated JSON).
 */
const INGESTERS: readonly { kind: keyof ResolvedInputs; accepts: (file: string) => boolean; folderGlobs: readonly string[] }[] = [
  { kind: 'overrides', accepts: (f) => basename(f) === OVERRIDES_FILE, folderGlobs: [`**/${OVERRIDES_FILE}`] },
  {
    kind: 'pages',
    // markdown, HTML and copied text; a .txt page is read in the syntax its content has
    accepts: isPageFile,
    folderGlobs: SYNTAXES.flatMap((s) => s.extensions.map((e) => `**/*${e}`)),
  },
  { kind: 'specs', accepts: (f) => /\.(json|ya?ml)$/i.test(f), folderGlobs: [] },
];

const kindOf = (file: string): keyof ResolvedInputs | undefined => INGESTERS.find((i) => i.accepts(file))?.kind;

/**
 * The file system the folder walk sees: a symbolic link whose real path leaves `root` looks
 * broken, so the walk neither lists it nor descends into it (a link to `/` in a docs folder
 * would otherwise walk the whole disk). Such links are collected in `leaving`.
 */
function containedFs(root: string, leaving: string[]): GlobOptions['fs'] {
  const outside = (path: string): NodeJS.ErrnoException => Object.assign(new Error(`${path} leads outside ${root}`), { code: 'ENOENT' });
  return {
    realpath: ((path: string, callback: (error: NodeJS.ErrnoException | null, resolved?: string) => void) =>
      realpath(path, (error, resolved) => {
        if (error) return callback(error);
        if (!isInside(resolved, root)) {
          leaving.push(path);
          return callback(outside(path));
        }
        callback(null, resolved);
      })) as typeof realpath,
    realpathSync: ((path: string) => {
      const resolved = realpathSync(path);
      if (!isInside(resolved, root)) {
        leaving.push(path);
        throw outside(path);
      }
      return resolved;
    }) as unknown as typeof realpathSync,
  };
}

/**
 * Expands files and folders into pages, overrides and specs, each list sorted. `folders`: the
 * folders given (and the folder of each page given as a file), the trees the pages' includes
 * may resolve in. Only regular files within the size cap are kept, and a file found in a
 * folder only when its real path is inside that folder (a symbolic link to a secret or to
 * /dev/zero is refused, with a diagnostic).
 */
export async function resolveInputs(paths: readonly string[], cwd = process.cwd(), limits: InputLimits = DEFAULT_LIMITS): Promise<{ inputs: ResolvedInputs; diagnostics: Diagnostic[]; folders: string[] }> {
  const inputs: ResolvedInputs = { pages: [], overrides: [], specs: [] };
  const diagnostics: Diagnostic[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const shown = displayPath(abs, cwd);
    let st;
    try {
      st = await stat(abs);
    } catch {
      diagnostics.push({ code: 'input-not-found', severity: 'error', message: `no such file or folder: ${p}`, location: { file: shown, line: 1, column: 1 } });
      continue;
    }
    if (st.isDirectory()) {
      folders.push(shown);
      const globs = INGESTERS.flatMap((i) => i.folderGlobs);
      const root = realpathSync.native(abs);
      const leaving: string[] = [];
      const found = await glob(globs, { cwd: abs, absolute: true, dot: false, ignore: ['**/node_modules/**'], fs: containedFs(root, leaving) });
      for (const link of leaving.sort()) {
        diagnostics.push(diagnostic('input-refused', `${displayPath(link, cwd)} is refused: it leads (through a symbolic link) outside the input folder ${shown}/; it is not followed`, { file: displayPath(link, cwd), line: 1, column: 1 }));
      }
      for (const f of found.sort()) {
        const kind = kindOf(f);
        if (!kind) continue;
        const checked = checkInputFile(f, displayPath(f, cwd), { maxFileBytes: limits.maxFileBytes, roots: [root, abs], rootsLabel: `the input folder ${shown}/` });
        if (checked.ok) inputs[kind].push(displayPath(f, cwd));
        else diagnostics.push(checked.diagnostic);
      }
      continue;
    }
    const kind = kindOf(abs);
    const checked = kind ? checkInputFile(abs, shown, { maxFileBytes: limits.maxFileBytes }) : undefined;
    if (checked && !checked.ok) {
      diagnostics.push(checked.diagnostic);
      continue;
    }
    if (kind === 'pages') folders.push(displayPath(dirname(abs), cwd));
    if (kind) inputs[kind].push(shown);
    else diagnostics.push({ code: 'input-unsupported', severity: 'error', message: `${p} is neither a docs page (${SYNTAXES.flatMap((s) => s.extensions).join(', ')}) nor an OpenAPI document (.json, .yaml)`, location: { file: shown, line: 1, column: 1 } });
  }
  const uniq = (a: string[]) => [...new Set(a)].sort();
  return { inputs: { pages: uniq(inputs.pages), overrides: uniq(inputs.overrides), specs: uniq(inputs.specs) }, diagnostics, folders: uniq(folders) };
}
