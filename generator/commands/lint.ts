import type { Command } from 'commander';
import { lintIngested } from '../check/lint/index.js';
import { formatLintJson, formatLintMarkdown, formatLintText, summarizeLint, type LintFormat } from '../check/lint/report.js';
import { loadConfig } from '../config.js';
import { formatGithubDiagnostic } from '../diagnostics/github.js';
import { ingest, ingestOptionsOf } from '../ingest/index.js';
import { formatOption, maxDiagnosticsOption, wholeNumber } from './options.js';
import { EXIT, type CommandIO } from './io.js';
import { hasErrors, isUnusable, reportDiagnostics } from './report.js';

export interface LintOptions {
  format?: LintFormat;
  maxDiagnostics?: number;
  /** Exit 1 when there are more warnings than this (like eslint's option of the same name). */
  maxWarnings?: number;
  worst?: number;
  cache?: boolean;
}

/**
 * `sdkforge lint [inputs...]`: the docs' problems a docs team can fix, as a report on stdout.
 * Exit 1 when a finding is an error (after the config's rule settings) or there are more
 * warnings than `--max-warnings`; 2 on bad usage or unusable input.
 */
export async function runLint(paths: string[], options: LintOptions, io: CommandIO): Promise<number> {
  const format = options.format ?? 'text';
  const diagnosticFormat = format === 'github' ? 'github' : 'text';
  const loaded = await loadConfig(io.cwd);
  if (hasErrors(loaded.diagnostics)) {
    reportDiagnostics(io, loaded.diagnostics, { format: diagnosticFormat });
    return EXIT.usage;
  }
  const inputs = paths.length > 0 ? paths : loaded.config.inputs;
  const ingested = await ingest(inputs, { cwd: io.cwd, cache: options.cache !== false, ...ingestOptionsOf(loaded.config) });
  const unusable = ingested.diagnostics.filter(isUnusable);
  if (unusable.length > 0) {
    reportDiagnostics(io, unusable, { format: diagnosticFormat });
    return EXIT.usage;
  }
  const { diagnostics } = await lintIngested(ingested, loaded.config, io.cwd);
  const summary = summarizeLint(diagnostics, options.worst ?? 15);
  const limit = options.maxDiagnostics ?? Infinity;
  if (format === 'json') io.stdout(formatLintJson(diagnostics, summary));
  else if (format === 'markdown') io.stdout(formatLintMarkdown(diagnostics, summary));
  else if (format === 'github') io.stdout(formatLintText(diagnostics, summary, limit, formatGithubDiagnostic));
  else io.stdout(formatLintText(diagnostics, summary, limit));
  if (hasErrors(diagnostics)) return EXIT.found;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    io.stderr(`lint: ${summary.warnings} warning(s), more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.found;
  }
  return EXIT.ok;
}

export function registerLint(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('check the docs: samples against their types, undefined or conflicting types, missing descriptions, enum lists, docs vs spec')
    .argument('[inputs...]', 'markdown pages, folders of pages and/or an OpenAPI document (default: inputs of sdkforge.config.json)')
    .addOption(formatOption(['text', 'json', 'markdown', 'github'], 'text, json, markdown (a report for the docs team) or github (Actions annotations)'))
    .addOption(maxDiagnosticsOption())
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: warnings never fail)', wholeNumber)
    .option('--worst <n>', 'how many of the pages with the most findings to list', wholeNumber, 15)
    .option('--no-cache', 'do not read or write the page cache (.sdkforge-cache/)')
    .action(async (paths: string[], opts: LintOptions) => setExit(await runLint(paths, opts, io)));
}
