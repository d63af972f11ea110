import type { Command } from 'commander';
import { compareApis } from '../check/diff/compare.js';
import { formatChanges, summarizeChanges, type DiffFormat } from '../check/diff/format.js';
import { loadSide } from '../check/diff/sides.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { EXIT, type CommandIO } from './io.js';
import { reportDiagnostics, isUnusable } from './report.js';

export interface DiffOptions {
  format?: string;
  failOn?: string;
}

const unusable = (d: Diagnostic): boolean => isUnusable(d) || d.code === 'diff-revision-unreadable';
const FORMATS: DiffFormat[] = ['text', 'markdown', 'json'];

/**
 * `sdkforge diff <base> <head>`: the API changes between two versions of the inputs, each a
 * path or `git:<rev>:<path>`. Exit 1 only with `--fail-on breaking` and a breaking change.
 */
export async function runDiff(base: string, head: string, options: DiffOptions, io: CommandIO): Promise<number> {
  const format = (options.format ?? 'text') as DiffFormat;
  if (!FORMATS.includes(format)) {
    io.stderr(`unknown --format ${options.format}: use ${FORMATS.join(', ')}\n`);
    return EXIT.usage;
  }
  if (options.failOn !== undefined && options.failOn !== 'breaking' && options.failOn !== 'any') {
    io.stderr(`unknown --fail-on ${options.failOn}: use breaking or any\n`);
    return EXIT.usage;
  }
  const [a, b] = await Promise.all([loadSide(base, io.cwd), loadSide(head, io.cwd)]);
  const problems: Diagnostic[] = [...a.diagnostics, ...b.diagnostics, ...[a.side, b.side].flatMap((s) => s?.ingest.diagnostics.filter(unusable) ?? [])];
  if (!a.side || !b.side || problems.length > 0) {
    reportDiagnostics(io, problems);
    return EXIT.usage;
  }
  const changes = compareApis(a.side.ingest.api, b.side.ingest.api);
  io.stdout(formatChanges(format, changes, { base: a.side.label, head: b.side.label }));
  const s = summarizeChanges(changes);
  if (options.failOn === 'breaking' && s.breaking > 0) return EXIT.found;
  if (options.failOn === 'any' && changes.length > 0) return EXIT.found;
  return EXIT.ok;
}

export function registerDiff(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('list the API changes between two versions of the inputs, breaking or not (like oasdiff)')
    .argument('<base>', 'the old version: a folder/page/spec, or git:<rev>:<path> (git:main:docs-input)')
    .argument('<head>', 'the new version, same forms')
    .option('--format <format>', 'text, markdown (a changelog section) or json', 'text')
    .option('--fail-on <level>', 'exit 1 when a change of this level is found: breaking or any')
    .action(async (base: string, head: string, opts: DiffOptions) => setExit(await runDiff(base, head, opts, io)));
}
