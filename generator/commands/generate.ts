import { resolve } from 'node:path';
import type { Command } from 'commander';
import { allMethods } from '../ir/walk.js';
import { emitters, ownedFolder, selectEmitters } from '../emit/index.js';
import { writeOutput } from '../output/write.js';
import { explainVerdict } from '../check/diff/verdict.js';
import { build } from '../pipeline.js';
import type { ReleasePlan } from '../release/index.js';
import { formatOption, maxDiagnosticsOption, releaseDate } from './options.js';
import { EXIT, type CommandIO } from './io.js';
import { previousRelease, runSettings } from './settings.js';
import { exitFor, hasErrors, reportDiagnostics, isUnusable, type DiagnosticFormat } from './report.js';

export interface GenerateOptions {
  input?: string[];
  out?: string;
  maxDiagnostics?: number;
  verbose?: boolean;
  cache?: boolean;
  format?: DiagnosticFormat;
  /** `YYYY-MM-DD` in the heading of a new changelog entry. */
  releaseDate?: string;
  /** Regenerate on every change of the inputs until stopped (commands/watch.ts). */
  watch?: boolean;
  /** Replace owned folders that carry no .sdkforge marker. */
  force?: boolean;
  /** Emitter names (`--only sdk`): only their folders are written. */
  only?: string[];
}

/**
 * `sdkforge generate`: inputs → IR → SDK and docs in memory → the output folder, atomically.
 * Exit 0 when written (warnings allowed); 1 when an error was found in the input (the output is
 * still written where it safely could be); 2 when the input is unusable or the output folder
 * could not be written (nothing is written).
 */
export async function runGenerate(options: GenerateOptions, io: CommandIO): Promise<number> {
  const settings = await runSettings(options, io, options.format);
  if (!settings) return EXIT.usage;
  const { config, inputs, outDir } = settings;
  const selected = selectEmitters(options.only);
  if (!selected) {
    io.stderr(`error: --only takes ${emitters.map((e) => e.name).join(', ')} (got ${options.only!.join(', ')})\n`);
    return EXIT.usage;
  }
  const previous = await previousRelease(io, outDir);
  const result = await build({
    config,
    inputs,
    cwd: io.cwd,
    cache: options.cache !== false,
    previousRelease: previous.previous,
    ...(options.releaseDate ? { releaseDate: options.releaseDate } : {}),
    emitters: selected,
  });
  const diagnostics = [...previous.diagnostics, ...result.diagnostics];
  const unusable = diagnostics.some(isUnusable);
  let written = 0;
  let writeFailed = false;
  if (!unusable) {
    const w = await writeOutput(resolve(io.cwd, outDir), result.files, { owned: selected.map(ownedFolder), cwd: io.cwd, force: options.force === true });
    diagnostics.push(...w.diagnostics);
    written = w.written;
    writeFailed = hasErrors(w.diagnostics);
  }
  reportDiagnostics(io, diagnostics, { limit: options.maxDiagnostics ?? 200, verbose: options.verbose, format: options.format });
  const methods = allMethods(result.ingest.api).length;
  io.stderr(`${methods} method(s), ${result.ingest.api.types.length} type(s) → ${written} file(s) written to ${outDir}\n`);
  if (written > 0 && result.release) io.stderr(releaseLine(result.release) + '\n');
  return writeFailed ? EXIT.usage : exitFor(diagnostics, unusable);
}

/** `SDK 1.3.0 (minor: 2 additions, nothing breaking); CHANGELOG.md has its entry` */
function releaseLine(r: ReleasePlan): string {
  if (r.first) return `SDK ${r.version}: first version with an API snapshot; CHANGELOG.md started`;
  if (!r.released) return `SDK ${r.version}: ${r.changes.length === 0 ? 'no API change' : 'same version'} since the last generation`;
  return `SDK ${r.version} (${explainVerdict(r.verdict, r.changes)}); CHANGELOG.md has its entry`;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerGenerate(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('generate')
    .description('generate the SDK (<out>/sdk) and docs pages (<out>/docs) from docs pages and/or an OpenAPI spec (exit 1 when an error is found)')
    .option('--input <path>', 'a markdown page, folder of pages or OpenAPI document; repeatable (default: inputs of sdkforge.config.json)', collect)
    .option('--out <dir>', 'output folder (default: out of sdkforge.config.json)')
    .addOption(maxDiagnosticsOption(200))
    .addOption(formatOption(['text', 'github'], 'diagnostics as text lines, or as GitHub Actions annotations (on stdout)'))
    .option('--verbose', 'print info diagnostics one by one too')
    .option('--no-cache', 'do not read or write the page cache (.sdkforge-cache/)')
    .option('--watch', 'after generating, regenerate on every change of the inputs, the config or the templates (Ctrl-C stops)')
    .option('--release-date <date>', 'date a new changelog entry (YYYY-MM-DD or today; default: no date, so the output stays deterministic)', releaseDate)
    .option('--force', 'replace the output folders even when sdkforge did not write them (no .sdkforge marker)')
    .option('--only <output>', `write only this output, repeatable: ${emitters.map((e) => e.name).join(', ')} (openapi: <out>/openapi/openapi.json, only when asked)`, collect)
    .action(async (opts: GenerateOptions) => {
      if (!opts.watch) return setExit(await runGenerate(opts, io));
      const { runWatch } = await import('./watch.js');
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      setExit(await runWatch(opts, io, stop.signal));
    });
}
