import { resolve } from 'node:path';
import type { Command } from 'commander';
import { compareWithDisk, isUpToDate, type DriftReport } from '../check/drift.js';
import { loadConfig } from '../config.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { pagesParser } from '../ingest/markdown/parallel.js';
import { build } from '../pipeline.js';
import { OWNED_FOLDERS } from './generate.js';
import { EXIT, type CommandIO } from './io.js';
import { hasErrors, reportDiagnostics } from './report.js';

export interface CheckOptions {
  input?: string[];
  out?: string;
  json?: boolean;
  cache?: boolean;
  verbose?: boolean;
}

const UNUSABLE = new Set(['input-not-found', 'input-unsupported', 'input-empty']);

/**
 * `sdkforge check`: regenerates in memory with the same pipeline as `generate` and compares
 * with the output folder. Exit 0 up to date, 1 drift (diff on stdout), 2 unusable config or input.
 * Input diagnostics are `generate`'s and `lint`'s business: only the unusable ones are printed.
 */
export async function runCheck(options: CheckOptions, io: CommandIO): Promise<number> {
  const loaded = await loadConfig(io.cwd);
  if (hasErrors(loaded.diagnostics)) {
    reportDiagnostics(io, loaded.diagnostics);
    return EXIT.usage;
  }
  const config = loaded.config;
  const inputs = options.input && options.input.length > 0 ? options.input : config.inputs;
  const outDir = options.out ?? config.out;
  const result = await build({ config, inputs, cwd: io.cwd, parsePages: pagesParser({ cwd: io.cwd, cache: options.cache !== false }) });
  const unusable = result.diagnostics.filter((d) => UNUSABLE.has(d.code));
  if (unusable.length > 0) {
    reportDiagnostics(io, unusable);
    return EXIT.usage;
  }
  if (options.verbose) reportDiagnostics(io, result.diagnostics, { verbose: true });
  const report = await compareWithDisk(resolve(io.cwd, outDir), result.files, { owned: OWNED_FOLDERS });
  if (options.json) io.stdout(JSON.stringify(driftJson(outDir, report), null, 2) + '\n');
  else printDrift(io, outDir, report);
  return isUpToDate(report) ? EXIT.ok : EXIT.found;
}

/** The report as data (`--json`): stable field order, paths relative to the output folder. */
export function driftJson(outDir: string, r: DriftReport) {
  return { upToDate: isUpToDate(r), out: outDir, changed: r.changed, added: r.added, removed: r.removed, unchanged: r.unchanged };
}

function printDrift(io: CommandIO, outDir: string, r: DriftReport): void {
  if (isUpToDate(r)) {
    io.stderr(`${outDir}: up to date (${r.unchanged} file(s))\n`);
    return;
  }
  for (const c of r.changed) io.stdout(c.patch.endsWith('\n') ? c.patch : c.patch + '\n');
  const lines: string[] = [];
  for (const p of r.added) lines.push(`added    ${outDir}/${p}`);
  for (const p of r.removed) lines.push(`removed  ${outDir}/${p}`);
  if (lines.length > 0) io.stdout(lines.join('\n') + '\n');
  const d: Diagnostic = {
    code: 'check-drift',
    severity: 'error',
    location: { file: outDir, line: 1, column: 1 },
    message: `${outDir} is not what the inputs produce: ${r.changed.length} changed, ${r.added.length} to add, ${r.removed.length} to remove (${r.unchanged} up to date); run \`sdkforge generate\` and commit the result`,
  };
  reportDiagnostics(io, [d]);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerCheck(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('regenerate in memory and compare with the output folder: exit 1 with a diff when they differ (for CI)')
    .option('--input <path>', 'a markdown page, folder of pages or OpenAPI document; repeatable (default: inputs of sdkforge.config.json)', collect)
    .option('--out <dir>', 'output folder (default: out of sdkforge.config.json)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--no-cache', 'do not read or write the page cache (.sdkforge-cache/)')
    .option('--verbose', 'print the input diagnostics too')
    .action(async (opts: CheckOptions) => setExit(await runCheck(opts, io)));
}
