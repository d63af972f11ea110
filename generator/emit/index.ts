import type { Api } from '../ir/types.js';
import { sortFiles } from '../output/files.js';
import type { OwnedFolder } from '../output/owned.js';
import { emitDocs } from './docs/index.js';
import { emitSdk } from './sdk/index.js';
import type { EmitContext, EmitResult, Emitter } from './types.js';

/**
 * Every output of `generate`, in order. Each emitter owns one folder of the output, replaced as
 * a whole on every run: `sdk/` (client + zod + runtime), `docs/` (pages, index, sidebar).
 * `keeps`: what others write into that folder and must survive regeneration (output/owned.ts),
 * which `check` ignores too. A new output target is one entry here.
 */
export const emitters: readonly ({ name: string; emit: Emitter } & Required<OwnedFolder>)[] = [
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
];

/** The output folders `generate` owns and what each keeps (`check` compares the rest). */
export const OWNED_FOLDERS: readonly OwnedFolder[] = emitters.map((e) => ({ folder: e.folder, keeps: e.keeps }));

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
