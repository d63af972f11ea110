import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { ingest, ingestOptionsOf } from '../ingest/index.js';
import { stableStringify } from '../ir/json.js';
import { allMethods } from '../ir/walk.js';
import type { Method } from '../ir/types.js';
import { formatOption, maxDiagnosticsOption, wholeNumber } from './options.js';
import { EXIT, type CommandIO } from './io.js';
import { exitFor, hasErrors, reportDiagnostics, type DiagnosticFormat } from './report.js';

export interface IrOptions {
  maxDiagnostics?: number;
  verbose?: boolean;
  cache?: boolean;
  workers?: number;
  format?: DiagnosticFormat;
}

/**
 * `sdkforge ir <paths...>`: the IR as JSON on stdout, diagnostics and a summary on stderr.
 * Exit 0 (warnings allowed), 1 when an error was found, 2 for unusable input.
 */
export async function runIr(paths: string[], options: IrOptions, io: CommandIO): Promise<number> {
  const loaded = await loadConfig(io.cwd);
  if (hasErrors(loaded.diagnostics)) {
    reportDiagnostics(io, loaded.diagnostics, { format: options.format, annotations: 'stderr' });
    return EXIT.usage;
  }
  const result = await ingest(paths, { cwd: io.cwd, cache: options.cache !== false, workers: options.workers, ...ingestOptionsOf(loaded.config) });
  io.stdout(stableStringify(result.api) + '\n');
  // stdout is the IR: annotations go to stderr, which the Actions runner reads too
  reportDiagnostics(io, result.diagnostics, { limit: options.maxDiagnostics ?? 200, verbose: options.verbose, format: options.format, annotations: 'stderr' });
  const methods = allMethods(result.api);
  const s = result.stats;
  const pageLine = s
    ? `${s.pages} page(s): ${s.methodPages} method pages, ${s.skippedPages} skipped${s.droppedPages ? `, ${s.droppedPages} dropped as misfiled` : ''}; `
    : '';
  const clientLine = result.api.clients.map((c) => `${c.name} ${c.methods.length}`).join(', ');
  io.stderr(`${pageLine}${methods.length} method(s) (${clientLine}), ${result.api.types.length} named type(s)\n`);
  if (methods.length > 0) io.stderr(`verbs by evidence: ${originCounts(methods.map((m) => m.http.verbOrigin), 'name rule ')}\npaths by evidence: ${originCounts(methods.map((m) => m.http.pathOrigin), '')}\n`);
  return exitFor(result.diagnostics);
}

export function registerIr(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('ir')
    .description('print the intermediate model (IR) of docs pages and/or specs as JSON (exit 1 when an error is found)')
    .argument('<paths...>', 'markdown pages, folders of pages, or OpenAPI documents')
    .addOption(maxDiagnosticsOption(200))
    .addOption(formatOption(['text', 'github'], 'diagnostics as text lines, or as GitHub Actions annotations (on stderr)'))
    .option('--verbose', 'print info diagnostics one by one too')
    .option('--no-cache', 'do not read or write the page cache (.sdkforge-cache/)')
    .option('--workers <n>', 'parse pages in n worker threads (default 0: in this thread, measured faster on 2 cores)', wholeNumber)
    .action(async (paths: string[], opts: IrOptions) => setExit(await runIr(paths, opts, io)));
}

/** How many verbs (or paths) each kind of evidence decided: `row-layout 436, name rule query-name-scalar-params 34, ...`, most first. */
function originCounts(origins: readonly Method['http']['verbOrigin'][], rulePrefix: string): string {
  const counts = new Map<string, number>();
  for (const o of origins) {
    const label = o.kind === 'evidence' ? o.evidence : o.kind === 'rule' ? `${rulePrefix}${o.rule}` : o.kind;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
}
