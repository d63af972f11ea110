import type { OwnedFolder } from '../output/owned.js';

/**
 * The outputs of `generate`, in order, without their emitters: what `check`'s fast path and the
 * settings need (folder names, what each keeps) without loading ts-morph and the emitters.
 * Each output owns one folder, replaced as a whole on every run: `sdk/` (client + zod +
 * runtime), `docs/` (pages, index, sidebar). `keeps`: what others write into that folder and
 * must survive regeneration (output/owned.ts), which `check` ignores too. A new output target is
 * one entry here and its emitter in emit/index.ts.
 */
export interface OutputEntry extends Required<OwnedFolder> {
  name: string;
  /** Run only when asked for by name (`generate --only openapi`), never by default. */
  onRequest?: boolean;
}

/**
 * What `npm install` (any package manager) and the build leave in the SDK folder, as patterns
 * relative to it (output/owned.ts): one list, kept by `generate`, ignored by `check`, and
 * written to the SDK's .gitignore (emit/sdk/package.ts).
 */
export const SDK_KEEPS: readonly string[] = ['node_modules', 'dist', 'build', 'coverage', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', '*.tsbuildinfo', '**/.DS_Store'];

export const OUTPUTS: readonly OutputEntry[] = [
  { name: 'sdk', folder: 'sdk', keeps: SDK_KEEPS },
  {
    name: 'docs',
    folder: 'docs',
    // VitePress's cache and build when run inside the folder
    keeps: ['node_modules', '.vitepress/cache', '.vitepress/dist', '**/.DS_Store'],
  },
  { name: 'openapi', folder: 'openapi', keeps: ['**/.DS_Store'], onRequest: true },
];

/** What an output's folder is to the writer and to `check`: the folder and what it keeps. */
export const ownedFolder = (e: OutputEntry): OwnedFolder => ({ folder: e.folder, keeps: e.keeps });

/** The output folders a default `generate` owns, and what each keeps (`check` compares the rest). */
export const OWNED_FOLDERS: readonly OwnedFolder[] = OUTPUTS.filter((e) => !e.onRequest).map(ownedFolder);
