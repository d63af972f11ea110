import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { OUTPUTS } from '../emit/outputs.js';
import { readPreviousRelease, type PreviousRelease } from '../release/index.js';
import type { CommandIO } from './io.js';
import { hasErrors, reportDiagnostics, type DiagnosticFormat } from './report.js';

export interface RunSettings {
  config: Config;
  inputs: string[];
  outDir: string;
}

/**
 * Config, inputs and output folder of a `generate`/`check` run: `--input`/`--out` win over
 * sdkforge.config.json. Undefined (after reporting why) when the config is unusable.
 */
export async function runSettings(options: { input?: string[]; out?: string }, io: CommandIO, format?: DiagnosticFormat): Promise<RunSettings | undefined> {
  const loaded = await loadConfig(io.cwd);
  if (hasErrors(loaded.diagnostics)) {
    reportDiagnostics(io, loaded.diagnostics, { format });
    return undefined;
  }
  const config = loaded.config;
  return {
    config,
    inputs: options.input && options.input.length > 0 ? options.input : config.inputs,
    outDir: options.out ?? config.out,
  };
}

/**
 * The SDK's last generation as the output folder holds it (its API snapshot, version and
 * changelog): what `generate` and `check` compare the new API with.
 */
export async function previousRelease(io: CommandIO, outDir: string): Promise<{ previous: PreviousRelease; diagnostics: Diagnostic[] }> {
  const folder = OUTPUTS.find((e) => e.name === 'sdk')?.folder;
  if (!folder) return { previous: {}, diagnostics: [] };
  return readPreviousRelease(join(resolve(io.cwd, outDir), folder), `${outDir}/${folder}`);
}
