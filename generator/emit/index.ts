import type { Api } from '../ir/types.js';
import { sortFiles } from '../output/files.js';
import type { OwnedFolder } from '../output/owned.js';
import { emitDocs } from './docs/index.js';
import { openApiDocument, serializeOpenApi } from './openapi/index.js';
import { emitSdk } from './sdk/index.js';
import type { EmitContext, EmitResult, Emitter } from './types.js';

/** The OpenAPI 3.1 document of the IR, as `openapi/openapi.json`. */
const emitOpenApi: Emitter = (api) => {
  const written = openApiDocument(api);
  return { files: [{ path: 'openapi/openapi.json', contents: serializeOpenApi(written.document, 'openapi.json') }], diagnostics: written.diagnostics };
};

export interface EmitterEntry extends Required<OwnedFolder> {
  name: string;
  emit: Emitter;
  /** Run only when asked for by name (`generate --only openapi`), never by default. */
  onRequest?: boolean;
}

/**
 * Every output of `generate`, in order. Each emitter owns one folder of the output, replaced as
 * a whole on every run: `sdk/` (client + zod + runtime), `docs/` (pages, index, sidebar).
 * `keeps`: what others write into that folder and must survive regeneration (output/owned.ts),
 * which `check` ignores too. A new output target is one entry here.
 */
export const emitters: readonly EmitterEntry[] = [
  {
    name: 'sdk',
    folder: 'sdk',
    // `cd sdk && npm install` (any package manager) and the build it runs
    keeps: ['node_modules', 'dist', 'build', 'coverage', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', '*.tsbuildinfo', '**/.DS_Store'],
    emit: (api, ctx) => emitSdk(api, ctx),
  },
  {
    name: 'docs',
    folder: 'docs',
    // VitePress's cache and build when run inside the folder
    keeps: ['node_modules', '.vitepress/cache', '.vitepress/dist', '**/.DS_Store'],
    emit: emitDocs,
  },
  { name: 'openapi', folder: 'openapi', keeps: ['**/.DS_Store'], emit: emitOpenApi, onRequest: true },
];

/** What an emitter's folder is to the writer and to `check`: the folder and what it keeps. */
export const ownedFolder = (e: EmitterEntry): OwnedFolder => ({ folder: e.folder, keeps: e.keeps });

/** The output folders a default `generate` owns, and what each keeps (`check` compares the rest). */
export const OWNED_FOLDERS: readonly OwnedFolder[] = emitters.filter((e) => !e.onRequest).map(ownedFolder);

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
