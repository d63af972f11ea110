import type { Api } from '../ir/types.js';
import { sortFiles } from '../output/files.js';
import { emitDocs } from './docs/index.js';
import { emitSdk } from './sdk/index.js';
import type { EmitContext, EmitResult, Emitter } from './types.js';

/**
 * Every output of `generate`, in order. Each emitter owns a folder of the output:
 * `sdk/` (client + zod + runtime), `docs/` (pages, index, sidebar).
 */
export const emitters: { name: string; emit: Emitter }[] = [
  { name: 'sdk', emit: (api, ctx) => emitSdk(api, ctx) },
  { name: 'docs', emit: emitDocs },
];

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
