import type { Config } from './config.js';
import type { Diagnostic } from './diagnostics/types.js';
import { emitAll, selectEmitters, type EmitterEntry } from './emit/index.js';
import { ingest, ingestOptionsOf, type IngestOptions, type IngestResult } from './ingest/index.js';
import { sortFiles, type GeneratedFile } from './output/files.js';
import { packageAssets, projectTemplatesDir } from './package-assets.js';
import { planRelease, type PreviousRelease, type ReleasePlan } from './release/index.js';

export interface BuildOptions extends Omit<IngestOptions, 'openapi' | 'docsRoot' | 'cwd'> {
  config: Config;
  /** Inputs; default `config.inputs`. */
  inputs?: readonly string[];
  cwd: string;
  /** Templates folder; default `<cwd>/templates` when it exists, else the package's own. */
  templatesDir?: string;
  /** The SDK's last generation as found in the output folder (none: a first generation). */
  previousRelease?: PreviousRelease;
  /** `YYYY-MM-DD` for a new changelog entry (`generate --release-date`). */
  releaseDate?: string;
  /** The emitters to run (`generate --only`); default every default one. */
  emitters?: readonly EmitterEntry[];
}

export interface BuildResult {
  ingest: IngestResult;
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  /** The SDK's version, the verdict and the changes since the last generation. */
  release?: ReleasePlan;
}

/**
 * The one pipeline `generate`, `check` and the tests all call: inputs → IR → release (the API
 * compared with the SDK's snapshot: version and changelog) → files in memory.
 * Nothing is written here (see output/write.ts).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { config, inputs, templatesDir, previousRelease, releaseDate, emitters, ...ingestOptions } = options;
  const selected = emitters ?? selectEmitters()!;
  const result = await ingest(inputs ?? config.inputs, { ...ingestOptions, ...ingestOptionsOf(config) });
  const sdkFolder = selected.find((e) => e.name === 'sdk')?.folder;
  const release = sdkFolder
    ? planRelease(result.api, previousRelease ?? {}, { configVersion: config.sdk.version, ...(releaseDate ? { date: releaseDate } : {}) })
    : undefined;
  const emitConfig: Config = release ? { ...config, sdk: { ...config.sdk, version: release.version } } : config;
  const emitted = await emitAll(result.api, { config: emitConfig, templatesDir: templatesDir ?? projectTemplatesDir(options.cwd), assets: packageAssets() }, selected);
  const files = release ? sortFiles([...emitted.files, ...release.files.map((f) => ({ path: `${sdkFolder}/${f.path}`, contents: f.contents }))]) : emitted.files;
  return {
    ingest: result,
    files,
    diagnostics: [...result.diagnostics, ...emitted.diagnostics, ...(release?.diagnostics ?? [])],
    ...(release ? { release } : {}),
  };
}
