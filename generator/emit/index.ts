import type { Api } from '../ir/types.js';
import { sortFiles } from '../output/files.js';
import { emitDocs } from './docs/index.js';
import { openApiDocument, serializeOpenApi } from './openapi/index.js';
import { emitSdk } from './sdk/index.js';
import { OUTPUTS, type OutputEntry } from './outputs.js';
import type { EmitContext, EmitResult, Emitter } from './types.js';

/** The OpenAPI 3.1 document of the IR, as `openapi/openapi.json`. */
const emitOpenApi: Emitter = (api) => {
  const written = openApiDocument(api);
  return { files: [{ path: 'openapi/openapi.json', contents: serializeOpenApi(written.document, 'openapi.json') }], diagnostics: written.diagnostics };
};

export interface EmitterEntry extends OutputEntry {
  emit: Emitter;
}

const EMIT: Record<string, Emitter> = { sdk: (api, ctx) => emitSdk(api, ctx), docs: emitDocs, openapi: emitOpenApi };

/** Every output of `generate` (emit/outputs.ts) with its emitter. */
export const emitters: readonly EmitterEntry[] = OUTPUTS.map((o) => ({ ...o, emit: EMIT[o.name]! }));

export { ownedFolder, OWNED_FOLDERS } from './outputs.js';

/** The emitters of a run: those named (`--only`), else every default one; unknown names → undefined. */
export function selectEmitters(only?: readonly string[]): readonly EmitterEntry[] | undefined {
  if (!only || only.length === 0) return emitters.filter((e) => !e.onRequest);
  if (only.some((n) => !emitters.some((e) => e.name === n))) return undefined;
  return emitters.filter((e) => only.includes(e.name));
}

export async function emitAll(api: Api, ctx: EmitContext, selected: readonly EmitterEntry[] = selectEmitters()!): Promise<EmitResult> {
  const files: EmitResult['files'] = [];
  const diagnostics: EmitResult['diagnostics'] = [];
  for (const e of selected) {
    const r = await e.emit(api, ctx);
    files.push(...r.files);
    diagnostics.push(...r.diagnostics);
  }
  return { files: sortFiles(files), diagnostics };
}
