import type { Config } from './config.js';
import type { Diagnostic } from './diagnostics/types.js';
import { emitAll } from './emit/index.js';
import { ingest, ingestOptionsOf, type IngestOptions, type IngestResult } from './ingest/index.js';
import type { GeneratedFile } from './output/files.js';
import { packageAssets, projectTemplatesDir } from './package-assets.js';

export interface BuildOptions extends Omit<IngestOptions, 'openapi' | 'docsRoot' | 'cwd'> {
  config: Config;
  /** Inputs; default `config.inputs`. */
  inputs?: readonly string[];
  cwd: string;
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
  const { config, inputs, templatesDir, ...ingestOptions } = options;
  const result = await ingest(inputs ?? config.inputs, { ...ingestOptions, ...ingestOptionsOf(config) });
  const emitted = await emitAll(result.api, { config, templatesDir: templatesDir ?? projectTemplatesDir(options.cwd), assets: packageAssets() });
  return { ingest: result, files: emitted.files, diagnostics: [...result.diagnostics, ...emitted.diagnostics] };
}
