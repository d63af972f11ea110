import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/types.js';
import { OVERRIDES_FILE } from './markdown/index.js';

/** The inputs of a run, sorted into what each ingester reads. Paths are cwd-relative, `/`-separated. */
export interface ResolvedInputs {
  markdown: string[];
  overrides: string[];
  specs: string[];
}

const SPEC_EXT = /\.(json|ya?ml)$/i;
const MD_EXT = /\.(md|markdown)$/i;

export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, p));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * Expands files and folders into pages and specs. A folder contributes its markdown pages and
 * its overrides file; a spec is only taken when named as a file (folders of docs often hold
 * unrelated JSON).
 */
export async function resolveInputs(paths: readonly string[], cwd = process.cwd()): Promise<{ inputs: ResolvedInputs; diagnostics: Diagnostic[] }> {
  const inputs: ResolvedInputs = { markdown: [], overrides: [], specs: [] };
  const diagnostics: Diagnostic[] = [];
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
      const found = await glob(['**/*.md', '**/*.markdown', `**/${OVERRIDES_FILE}`], { cwd: abs, absolute: true, dot: false, ignore: ['**/node_modules/**'] });
      for (const f of found) {
        const rel = displayPath(f, cwd);
        if (f.endsWith(OVERRIDES_FILE)) inputs.overrides.push(rel);
        else inputs.markdown.push(rel);
      }
    } else if (MD_EXT.test(abs) || /\.txt$/i.test(abs)) {
      inputs.markdown.push(shown);
    } else if (abs.endsWith(OVERRIDES_FILE)) {
      inputs.overrides.push(shown);
    } else if (SPEC_EXT.test(abs)) {
      inputs.specs.push(shown);
    } else {
      diagnostics.push({ code: 'input-unsupported', severity: 'error', message: `${p} is neither a markdown page nor an OpenAPI document (.json, .yaml)`, location: { file: shown, line: 1, column: 1 } });
    }
  }
  const uniq = (a: string[]) => [...new Set(a)].sort();
  return { inputs: { markdown: uniq(inputs.markdown), overrides: uniq(inputs.overrides), specs: uniq(inputs.specs) }, diagnostics };
}
