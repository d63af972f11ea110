import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openApiDocument, serializeOpenApi } from '../emit/openapi/index.js';
import { ingest, ingestOptionsOf } from '../ingest/index.js';
import { formatOption, maxDiagnosticsOption } from './options.js';
import { EXIT, type CommandIO } from './io.js';
import { exitFor, hasErrors, reportDiagnostics, isUnusable, type DiagnosticFormat } from './report.js';

export interface OpenApiOptions {
  output: string;
  maxDiagnostics?: number;
  verbose?: boolean;
  format?: DiagnosticFormat;
}

/**
 * `sdkforge openapi <inputs...> -o <file>`: the IR of docs pages and/or specs as an OpenAPI 3.1 document.
 * Exit 0 written, 1 written but an error was found, 2 unusable input (nothing written).
 */
export async function runOpenApi(paths: string[], options: OpenApiOptions, io: CommandIO): Promise<number> {
  const { config, diagnostics: configDiagnostics } = await loadConfig(io.cwd);
  if (hasErrors(configDiagnostics)) {
    reportDiagnostics(io, configDiagnostics, { format: options.format });
    return EXIT.usage;
  }
  const result = await ingest(paths, { cwd: io.cwd, cache: true, ...ingestOptionsOf(config) });
  const written = openApiDocument(result.api);
  const diagnostics = [...configDiagnostics, ...result.diagnostics, ...written.diagnostics];
  const unusable = diagnostics.some(isUnusable);
  if (!unusable) {
    const target = resolve(io.cwd, options.output);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, serializeOpenApi(written.document, target));
  }
  reportDiagnostics(io, diagnostics, { limit: options.maxDiagnostics ?? 200, verbose: options.verbose, format: options.format });
  const ops = result.api.clients.reduce((n, c) => n + c.methods.length, 0);
  io.stderr(unusable ? 'nothing written\n' : `${options.output}: OpenAPI 3.1, ${ops} operation(s), ${result.api.types.length} schema(s)\n`);
  return exitFor(diagnostics, unusable);
}

export function registerOpenApi(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('openapi')
    .description('write the IR of docs pages and/or specs as an OpenAPI 3.1 document (YAML when the file ends in .yaml)')
    .argument('<paths...>', 'markdown pages, folders of pages, or OpenAPI documents')
    .requiredOption('-o, --output <file>', 'the document to write (.json, .yaml or .yml)')
    .addOption(maxDiagnosticsOption(200))
    .addOption(formatOption(['text', 'github'], 'diagnostics as text lines, or as GitHub Actions annotations (on stdout)'))
    .option('--verbose', 'print info diagnostics one by one too')
    .action(async (paths: string[], opts: OpenApiOptions) => setExit(await runOpenApi(paths, opts, io)));
}
