import { loadConfig, type Config } from '../config.js';
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
