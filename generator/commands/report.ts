import pc from 'picocolors';
import { errorsFirst } from '../diagnostics/collector.js';
import { formatDiagnostic, formatSummary, summarize } from '../diagnostics/format.js';
import { formatGithubDiagnostic } from '../diagnostics/github.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { CommandIO } from './io.js';

/**
 * How diagnostics are printed: `text` lines (`file:line:col  severity  code  message`) on stderr,
 * or `github`: GitHub Actions annotations on stdout (stderr for `ir`, whose stdout is the IR).
 */
export type DiagnosticFormat = 'text' | 'github';

export interface ReportOptions {
  /** Print at most this many warnings and infos one by one; errors are always all printed. */
  limit?: number;
  /** Print info diagnostics one by one too (else they are only counted). */
  verbose?: boolean;
  format?: DiagnosticFormat;
  /** Where annotations go in the `github` format (default stdout). */
  annotations?: 'stdout' | 'stderr';
}

/**
 * Prints diagnostics, errors first, then a summary by code on stderr. The limit never hides an
 * error: a run's single error is not lost behind hundreds of warnings.
 */
export function reportDiagnostics(io: CommandIO, diagnostics: readonly Diagnostic[], options: ReportOptions = {}): void {
  const sorted = errorsFirst(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const rest = sorted.filter((d) => d.severity !== 'error' && (options.verbose || d.severity !== 'info'));
  const limit = Math.max(0, options.limit ?? Infinity);
  const shown = [...errors, ...rest.slice(0, limit)];
  const hidden = rest.length - Math.min(rest.length, limit);
  if (options.format === 'github') {
    const write = options.annotations === 'stderr' ? io.stderr : io.stdout;
    if (shown.length > 0) write(shown.map(formatGithubDiagnostic).join('\n') + '\n');
  } else {
    const paint = (d: Diagnostic, s: string): string => {
      if (!io.color) return s;
      return d.severity === 'error' ? pc.red(s) : d.severity === 'warning' ? pc.yellow(s) : pc.dim(s);
    };
    if (shown.length > 0) io.stderr(shown.map((d) => paint(d, formatDiagnostic(d))).join('\n') + '\n');
  }
  if (hidden > 0) io.stderr(`... ${hidden} more warning(s)/info (use --max-diagnostics to see more)\n`);
  if (sorted.length > 0) io.stderr(formatSummary(summarize(sorted)) + '\n');
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error');

/**
 * Codes that make an input unusable (missing, of an unknown kind, empty, refused, too large or
 * too deep, a spec that does not parse or of a version not read): the command stops with exit 2
 * instead of going on.
 */
export const UNUSABLE_INPUT: ReadonlySet<string> = new Set([
  'input-not-found',
  'input-unsupported',
  'input-empty',
  'input-refused',
  'input-too-large',
  'input-too-deep',
  'openapi-unparsable',
  'openapi-version-unsupported',
]);

export const isUnusable = (d: Diagnostic): boolean => UNUSABLE_INPUT.has(d.code);

/**
 * The exit code of a command that reports diagnostics (README, "Exit codes"): 2 when the input
 * is unusable, 1 when an error was found, else 0 (warnings allowed).
 */
export function exitFor(diagnostics: readonly Diagnostic[], unusable = diagnostics.some(isUnusable)): number {
  return unusable ? 2 : hasErrors(diagnostics) ? 1 : 0;
}
