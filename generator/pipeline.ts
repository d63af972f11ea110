import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { Diagnostic } from './diagnostics/types.js';
import { emitAll } from './emit/index.js';
import { ingest, type IngestResult } from './ingest/index.js';
import type { PageParser } from './ingest/markdown/index.js';
import type { GeneratedFile } from './output/files.js';

/** Root of the sdkforge package (where package.json and templates/ are), from source or dist. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('sdkforge package root not found');
    dir = up;
  }
  return dir;
}

export interface BuildOptions {
  config: Config;
  /** Inputs; default `config.inputs`. */
  inputs?: readonly string[];
  cwd: string;
  parsePages?: PageParser;
  /** Templates folder; default `<cwd>/templates` when it exists, else the package's own. */
  templatesDir?: string;
}

export interface BuildResult {
  ingest: IngestResult;
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
}

/**
 * The one pipeline `generate`, `check` and the tests all call: inputs → IR → files in memory.
 * Nothing is written here (see output/write.ts).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await ingest(options.inputs ?? options.config.inputs, {
    cwd: options.cwd,
    ...(options.parsePages ? { parsePages: options.parsePages } : {}),
    openapi: options.config.openapi,
  });
  const templatesDir =
    options.templatesDir ?? (existsSync(join(options.cwd, 'templates')) ? join(options.cwd, 'templates') : join(packageRoot(), 'templates'));
  const emitted = await emitAll(result.api, { config: options.config, templatesDir });
  return { ingest: result, files: emitted.files, diagnostics: [...result.diagnostics, ...emitted.diagnostics] };
}
