import pc from 'picocolors';
import { sortDiagnostics } from '../diagnostics/collector.js';
import { formatDiagnostic, formatSummary, summarize } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { CommandIO } from './io.js';

export interface ReportOptions {
  /** Print at most this many diagnostics one by one (the summary always counts all). */
  limit?: number;
  /** Print info diagnostics one by one too (else they are only counted). */
  verbose?: boolean;
}

/** Prints diagnostics on stderr, sorted, then a summary by code. */
export function reportDiagnostics(io: CommandIO, diagnostics: readonly Diagnostic[], options: ReportOptions = {}): void {
  const sorted = sortDiagnostics(diagnostics);
  const shown = sorted.filter((d) => options.verbose || d.severity !== 'info');
  const limit = options.limit ?? Infinity;
  const paint = (d: Diagnostic, s: string): string => {
    if (!io.color) return s;
    return d.severity === 'error' ? pc.red(s) : d.severity === 'warning' ? pc.yellow(s) : pc.dim(s);
  };
  const lines = shown.slice(0, limit).map((d) => paint(d, formatDiagnostic(d)));
  if (shown.length > limit) lines.push(`... ${shown.length - limit} more (use --max-diagnostics to see more)`);
  if (lines.length > 0) io.stderr(lines.join('\n') + '\n');
  if (sorted.length > 0) io.stderr(formatSummary(summarize(sorted)) + '\n');
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error');

/** Codes that make an input unusable: the command stops with exit 2 instead of going on. */
export const UNUSABLE_INPUT: ReadonlySet<string> = new Set(['input-not-found', 'input-unsupported', 'input-empty', 'input-refused', 'input-too-large', 'input-too-deep']);

export const isUnusable = (d: Diagnostic): boolean => UNUSABLE_INPUT.has(d.code);
