import { resolve } from 'node:path';
import type { Command } from 'commander';
import { allMethods } from '../ir/walk.js';
import { OWNED_FOLDERS } from '../emit/index.js';
import { writeOutput } from '../output/write.js';
import { build } from '../pipeline.js';
import { EXIT, type CommandIO } from './io.js';
import { runSettings } from './settings.js';
import { hasErrors, reportDiagnostics, isUnusable } from './report.js';

export interface GenerateOptions {
  input?: string[];
  out?: string;
  maxDiagnostics?: number;
  verbose?: boolean;
  cache?: boolean;
  force?: boolean;
}

/**
 * `sdkforge generate`: inputs → IR → SDK and docs in memory → the output folder, atomically.
 * Exit 0 when written without errors; 2 when the input is unusable (nothing is written), when
 * any error was reported (the output is still written where it safely could be) or when writing failed.
 */
export async function runGenerate(options: GenerateOptions, io: CommandIO): Promise<number> {
  const settings = await runSettings(options, io);
  if (!settings) return EXIT.usage;
  const { config, inputs, outDir } = settings;
  const result = await build({ config, inputs, cwd: io.cwd, cache: options.cache !== false });
  const diagnostics = [...result.diagnostics];
  const unusable = diagnostics.some(isUnusable);
  let written = 0;
  if (!unusable) {
    const w = await writeOutput(resolve(io.cwd, outDir), result.files, { owned: OWNED_FOLDERS, cwd: io.cwd, force: options.force === true });
    diagnostics.push(...w.diagnostics);
    written = w.written;
  }
  reportDiagnostics(io, diagnostics, { limit: options.maxDiagnostics ?? 200, verbose: options.verbose });
  const methods = allMethods(result.ingest.api).length;
  io.stderr(`${methods} method(s), ${result.ingest.api.types.length} type(s) → ${written} file(s) written to ${outDir}\n`);
  return unusable || hasErrors(diagnostics) ? EXIT.usage : EXIT.ok;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerGenerate(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('generate')
    .description('generate the SDK (<out>/sdk) and docs pages (<out>/docs) from docs pages and/or an OpenAPI spec')
    .option('--input <path>', 'a markdown page, folder of pages or OpenAPI document; repeatable (default: inputs of sdkforge.config.json)', collect)
    .option('--out <dir>', 'output folder (default: out of sdkforge.config.json)')
    .option('--max-diagnostics <n>', 'print at most n diagnostics one by one', (v) => Number(v), 200)
    .option('--verbose', 'print info diagnostics one by one too')
    .option('--no-cache', 'do not read or write the page cache (.sdkforge-cache/)')
    .option('--force', 'replace sdk/ and docs/ of the output folder even when sdkforge did not write them (no .sdkforge marker)')
    .action(async (opts: GenerateOptions) => setExit(await runGenerate(opts, io)));
}
