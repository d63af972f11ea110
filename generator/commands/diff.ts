import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { formatChangelogEntry, prependEntry, typeUsers } from '../check/diff/changelog.js';
import { compareApis, type ApiChange } from '../check/diff/compare.js';
import { formatChanges, summarizeChanges, type DiffFormat } from '../check/diff/format.js';
import { loadSide } from '../check/diff/sides.js';
import { bumpVersion, explainVerdict, isVersion, releaseVerdict, type Verdict } from '../check/diff/verdict.js';
import { githubAnnotation } from '../diagnostics/github.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { formatOption, releaseDate } from './options.js';
import { EXIT, type CommandIO } from './io.js';
import { isUnusable, reportDiagnostics } from './report.js';

export type FailOn = 'none' | 'breaking' | 'any';

export interface DiffOptions {
  format?: DiffFormat | 'github';
  failOn?: FailOn;
  /** `true`: print the changelog entry instead of the report; a path: prepend it to that file. */
  changelog?: string | boolean;
  /** The version the base was released as: the entry is headed by the version the verdict gives. */
  currentVersion?: string;
  /** `YYYY-MM-DD` in the entry's heading (no clock is read). */
  releaseDate?: string;
}

const unusable = (d: Diagnostic): boolean => isUnusable(d) || d.code === 'diff-revision-unreadable';
const FAIL_ON: FailOn[] = ['none', 'breaking', 'any'];

/** Whether the changes fail the run under `--fail-on` (a failing change is reported as an error). */
const fails = (c: ApiChange, failOn: FailOn): boolean => failOn === 'any' || (failOn === 'breaking' && c.level === 'breaking');

/**
 * `sdkforge diff <base> <head>`: the API changes between two versions of the inputs, each a
 * path (docs folder, page or spec) or `git:<rev>:<path>`, and the release they call for.
 * Exit 1 when a change fails the run (`--fail-on`, default `breaking`), 2 on bad usage or input.
 */
export async function runDiff(base: string, head: string, options: DiffOptions, io: CommandIO): Promise<number> {
  const format = options.format ?? 'text';
  const failOn = options.failOn ?? 'breaking';
  if (!FAIL_ON.includes(failOn)) {
    io.stderr(`unknown --fail-on ${failOn}: use ${FAIL_ON.join(', ')}\n`);
    return EXIT.usage;
  }
  if (options.currentVersion !== undefined && !isVersion(options.currentVersion)) {
    io.stderr(`--current-version ${options.currentVersion} is not a semantic version (1.2.3)\n`);
    return EXIT.usage;
  }
  const [a, b] = await Promise.all([loadSide(base, io.cwd), loadSide(head, io.cwd)]);
  const problems: Diagnostic[] = [...a.diagnostics, ...b.diagnostics, ...[a.side, b.side].flatMap((s) => s?.ingest.diagnostics.filter(unusable) ?? [])];
  if (!a.side || !b.side || problems.length > 0) {
    reportDiagnostics(io, problems, { format: format === 'github' ? 'github' : 'text' });
    return EXIT.usage;
  }
  const changes = compareApis(a.side.ingest.api, b.side.ingest.api);
  const verdict = releaseVerdict(changes);
  const labels = { base: a.side.label, head: b.side.label };

  if (options.changelog !== undefined && options.changelog !== false) {
    const version = options.currentVersion ? bumpVersion(options.currentVersion, verdict) : 'Unreleased';
    const entry = formatChangelogEntry(
      { version, verdict, changes, ...(options.releaseDate ? { date: options.releaseDate } : {}) },
      typeUsers(b.side.ingest.api, a.side.ingest.api),
    );
    if (typeof options.changelog === 'string') {
      const file = resolve(io.cwd, options.changelog);
      const before = await readFile(file, 'utf8').catch(() => undefined);
      await writeFile(file, prependEntry(before, entry, version));
      io.stderr(`${options.changelog}: entry ${version} written\n`);
    } else {
      io.stdout(entry);
    }
  } else if (format === 'github') {
    printGithub(io, changes, failOn);
  } else {
    io.stdout(formatChanges(format, changes, labels, verdict));
  }
  io.stderr(`release: ${explainVerdict(verdict, changes)}\n`);
  return changes.some((c) => fails(c, failOn)) ? EXIT.found : EXIT.ok;
}

/** One annotation per change at its docs line: an error when it fails the run, else a warning (breaking) or a notice. */
function printGithub(io: CommandIO, changes: readonly ApiChange[], failOn: FailOn): void {
  const lines = changes.map((c) => {
    const level = fails(c, failOn) ? 'error' : c.level === 'breaking' ? 'warning' : 'notice';
    const loc = c.head ?? c.base;
    const title = `${c.level === 'breaking' ? 'breaking' : 'API change'}: ${c.kind}`;
    return githubAnnotation(level, `${c.subject}${c.path ? ` ${c.path}` : ''}: ${c.message}`, loc, title);
  });
  const s = summarizeChanges(changes);
  if (lines.length > 0) io.stdout(lines.join('\n') + '\n');
  io.stderr(`${s.breaking} breaking, ${s.nonBreaking} non-breaking change(s)\n`);
}

export function registerDiff(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('list the API changes between two versions of the inputs, breaking or not (like oasdiff), and the release they call for')
    .argument('<base>', 'the old version: a docs folder, page or spec, or git:<rev>:<path> (git:main:docs-input)')
    .argument('<head>', 'the new version, same forms')
    .addOption(formatOption(['text', 'markdown', 'json', 'github'], 'text, markdown (a section to paste), json, or github (Actions annotations)'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when a change of this level is found').choices(FAIL_ON).default('breaking'))
    .option('--changelog [file]', 'write a Keep a Changelog entry instead of the report: on stdout, or put at the top of <file>')
    .option('--current-version <version>', 'the version base was released as: the changelog entry is headed by the next one')
    .option('--release-date <date>', 'the date in the changelog entry heading: YYYY-MM-DD or today (default: none)', releaseDate)
    .action(async (base: string, head: string, opts: DiffOptions) => setExit(await runDiff(base, head, opts, io)));
}

export type { Verdict };
