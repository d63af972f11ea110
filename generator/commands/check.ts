import { resolve } from 'node:path';
import type { Command } from 'commander';
import { compareWithDisk, isUpToDate, type DriftReport } from '../check/drift.js';
import { diskMatchesCache, loadOutputCache, outputKey, saveOutputCache } from '../check/output-cache.js';
import { ingest, ingestOptionsOf, pagesParser } from '../ingest/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { OWNED_FOLDERS } from '../emit/outputs.js';
import { formatOption } from './options.js';
import { EXIT, type CommandIO } from './io.js';
import { previousRelease, runSettings } from './settings.js';
import { isUnusable, reportDiagnostics, type DiagnosticFormat } from './report.js';
import { githubAnnotation } from '../diagnostics/github.js';

export interface CheckOptions {
  input?: string[];
  out?: string;
  /** Same as `format: 'json'` (kept for scripts written against it). */
  json?: boolean;
  format?: CheckFormat;
  cache?: boolean;
  verbose?: boolean;
}

export type CheckFormat = DiagnosticFormat | 'json';


/**
 * `sdkforge check`: regenerates in memory with the same pipeline as `generate` and compares
 * with the output folder. Exit 0 up to date, 1 drift (diff on stdout), 2 unusable config or input.
 * Input diagnostics are `generate`'s and `lint`'s business: only the unusable ones are printed.
 */
export async function runCheck(options: CheckOptions, io: CommandIO): Promise<number> {
  const format: CheckFormat = options.json ? 'json' : (options.format ?? 'text');
  const diagnosticFormat = format === 'github' ? 'github' : 'text';
  const settings = await runSettings(options, io, diagnosticFormat);
  if (!settings) return EXIT.usage;
  const { config, inputs, outDir } = settings;
  const useCache = options.cache !== false;
  const parsePages = pagesParser({ cwd: io.cwd, cache: useCache });
  const out = resolve(io.cwd, outDir);

  // fast path: same IR, config, templates and sdkforge as the last full run, and the disk holds
  // exactly what that run generated → up to date without running the emitters
  if (useCache && !options.verbose) {
    const ingested = await ingest(inputs, { cwd: io.cwd, parsePages, ...ingestOptionsOf(config) });
    if (ingested.diagnostics.some(isUnusable)) {
      reportDiagnostics(io, ingested.diagnostics.filter(isUnusable), { format: diagnosticFormat });
      return EXIT.usage;
    }
    const cached = await loadOutputCache(io.cwd);
    if (cached && cached.key === (await outputKey(ingested.api, config, io.cwd)) && (await diskMatchesCache(out, cached, OWNED_FOLDERS))) {
      const report: DriftReport = { changed: [], added: [], removed: [], unchanged: Object.keys(cached.files).length };
      printReport(io, format, outDir, report);
      return EXIT.ok;
    }
  }

  // the pipeline (ts-morph and the emitters) is loaded only when the fast path above missed
  const { build } = await import('../pipeline.js');
  const previous = await previousRelease(io, outDir);
  const result = await build({ config, inputs, cwd: io.cwd, parsePages, previousRelease: previous.previous });
  const unusable = result.diagnostics.filter(isUnusable);
  if (unusable.length > 0) {
    reportDiagnostics(io, unusable, { format: diagnosticFormat });
    return EXIT.usage;
  }
  if (options.verbose) reportDiagnostics(io, result.diagnostics, { verbose: true, format: diagnosticFormat });
  if (useCache) await saveOutputCache(io.cwd, await outputKey(result.ingest.api, config, io.cwd), result.files);
  const report = await compareWithDisk(out, result.files, { owned: OWNED_FOLDERS });
  printReport(io, format, outDir, report);
  return isUpToDate(report) ? EXIT.ok : EXIT.found;
}

/** The report as data (`--json`): stable field order, paths relative to the output folder. */
export function driftJson(outDir: string, r: DriftReport) {
  return { upToDate: isUpToDate(r), out: outDir, changed: r.changed, added: r.added, removed: r.removed, unchanged: r.unchanged };
}

function printReport(io: CommandIO, format: CheckFormat, outDir: string, r: DriftReport): void {
  if (format === 'json') io.stdout(JSON.stringify(driftJson(outDir, r), null, 2) + '\n');
  else if (format === 'github') printGithub(io, outDir, r);
  else printDrift(io, outDir, r);
}

/** One annotation per file out of date, at its first changed line; the patches follow as plain log text. */
function printGithub(io: CommandIO, outDir: string, r: DriftReport): void {
  if (isUpToDate(r)) {
    io.stderr(`${outDir}: up to date (${r.unchanged} file(s))\n`);
    return;
  }
  const fix = 'run `sdkforge generate` and commit the result';
  const lines: string[] = [];
  for (const c of r.changed) {
    lines.push(githubAnnotation('error', `${outDir}/${c.path} is not what the inputs produce: ${fix}`, { file: `${outDir}/${c.path}`, line: firstChangedLine(c.patch), column: 1 }, 'check-drift'));
  }
  for (const p of r.added) lines.push(githubAnnotation('error', `${outDir}/${p} is missing: ${fix}`, { file: outDir, line: 1, column: 1 }, 'check-drift'));
  for (const p of r.removed) lines.push(githubAnnotation('error', `${outDir}/${p} is no longer generated: ${fix}`, { file: `${outDir}/${p}`, line: 1, column: 1 }, 'check-drift'));
  io.stdout(lines.join('\n') + '\n');
  for (const c of r.changed) io.stderr(c.patch.endsWith('\n') ? c.patch : c.patch + '\n');
  io.stderr(driftSummary(outDir, r) + '\n');
}

/** The first line of the file on disk that a unified diff changes (`@@ -12,7 +12,8 @@` → 12 + context). */
export function firstChangedLine(patch: string): number {
  const lines = patch.split('\n');
  const hunk = lines.findIndex((l) => l.startsWith('@@ -'));
  const start = hunk >= 0 ? Number(/^@@ -(\d+)/.exec(lines[hunk]!)?.[1] ?? 1) : 1;
  if (hunk < 0) return 1;
  let line = start;
  for (const l of lines.slice(hunk + 1)) {
    if (l.startsWith('-') || l.startsWith('+')) return Math.max(1, line);
    line++;
  }
  return Math.max(1, start);
}

const driftSummary = (outDir: string, r: DriftReport): string =>
  `${outDir} is not what the inputs produce: ${r.changed.length} changed, ${r.added.length} to add, ${r.removed.length} to remove (${r.unchanged} up to date); run \`sdkforge generate\` and commit the result`;

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
    message: driftSummary(outDir, r),
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
    .addOption(formatOption(['text', 'json', 'github'], 'the report: unified diffs (text), JSON, or GitHub Actions annotations'))
    .option('--json', 'same as --format json')
    .option('--no-cache', 'do not read or write the caches (.sdkforge-cache/): parse every page and run every emitter')
    .option('--verbose', 'print the input diagnostics too')
    .action(async (opts: CheckOptions) => setExit(await runCheck(opts, io)));
}
