import type { Api } from '../ir/types.js';
import { sortFiles } from '../output/files.js';
import { emitDocs } from './docs/index.js';
import { emitSdk } from './sdk/index.js';
import type { EmitContext, EmitResult, Emitter } from './types.js';

/**
 * Every output of `generate`, in order. Each emitter owns one folder of the output, replaced as
 * a whole on every run: `sdk/` (client + zod + runtime), `docs/` (pages, index, sidebar).
 * A new output target is one entry here.
 */
export const emitters: readonly { name: string; folder: string; emit: Emitter }[] = [
  { name: 'sdk', folder: 'sdk', emit: (api, ctx) => emitSdk(api, ctx) },
  { name: 'docs', folder: 'docs', emit: emitDocs },
];

/** The output folders `generate` owns (and `check` compares). */
export const OWNED_FOLDERS: readonly string[] = emitters.map((e) => e.folder);

export async function emitAll(api: Api, ctx: EmitContext): Promise<EmitResult> {
  const files: EmitResult['files'] = [];
  const diagnostics: EmitResult['diagnostics'] = [];
  for (const e of emitters) {
    const r = await e.emit(api, ctx);
    files.push(...r.files);
    diagnostics.push(...r.diagnostics);
  }
  return { files: sortFiles(files), diagnostics };
}
