import type { Command } from 'commander';
import { lintIngested } from '../check/lint/index.js';
import { formatLintJson, formatLintMarkdown, formatLintText, summarizeLint, type LintFormat } from '../check/lint/report.js';
import { loadConfig } from '../config.js';
import { ingest, ingestOptionsOf } from '../ingest/index.js';
import { EXIT, type CommandIO } from './io.js';
import { hasErrors, reportDiagnostics, isUnusable } from './report.js';

export interface LintOptions {
  format?: string;
  maxDiagnostics?: number;
  worst?: number;
  cache?: boolean;
}

const FORMATS: LintFormat[] = ['text', 'json', 'markdown'];

/**
 * `sdkforge lint [inputs...]`: the docs' problems a docs team can fix, as a report on stdout.
 * Exit 1 when a finding is an error (after the config's rule settings), 2 on unusable input.
 */
export async function runLint(paths: string[], options: LintOptions, io: CommandIO): Promise<number> {
  const format = (options.format ?? 'text') as LintFormat;
  if (!FORMATS.includes(format)) {
    io.stderr(`unknown --format ${options.format}: use ${FORMATS.join(', ')}\n`);
    return EXIT.usage;
  }
  const loaded = await loadConfig(io.cwd);
  if (hasErrors(loaded.diagnostics)) {
    reportDiagnostics(io, loaded.diagnostics);
    return EXIT.usage;
  }
  const inputs = paths.length > 0 ? paths : loaded.config.inputs;
  const ingested = await ingest(inputs, { cwd: io.cwd, cache: options.cache !== false, ...ingestOptionsOf(loaded.config) });
  const unusable = ingested.diagnostics.filter(isUnusable);
  if (unusable.length > 0) {
    reportDiagnostics(io, unusable);
    return EXIT.usage;
  }
  const { diagnostics } = await lintIngested(ingested, loaded.config, io.cwd);
  const summary = summarizeLint(diagnostics, options.worst ?? 15);
  if (format === 'json') io.stdout(formatLintJson(diagnostics, summary));
  else if (format === 'markdown') io.stdout(formatLintMarkdown(diagnostics, summary));
  else io.stdout(formatLintText(diagnostics, summary, options.maxDiagnostics ?? Infinity));
  return hasErrors(diagnostics) ? EXIT.found : EXIT.ok;
}

export function registerLint(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('check the docs: samples against their types, undefined or conflicting types, missing descriptions, enum lists, docs vs spec')
    .argument('[inputs...]', 'markdown pages, folders of pages and/or an OpenAPI document (default: inputs of sdkforge.config.json)')
    .option('--format <format>', 'text, json or markdown (a report for the docs team)', 'text')
    .option('--max-diagnostics <n>', 'text: print at most n findings one by one', (v) => Number(v))
    .option('--worst <n>', 'how many of the pages with the most findings to list', (v) => Number(v), 15)
    .option('--no-cache', 'do not read or write the page cache (.sdkforge-cache/)')
    .action(async (paths: string[], opts: LintOptions) => setExit(await runLint(paths, opts, io)));
}
