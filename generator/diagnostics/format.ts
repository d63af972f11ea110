import type { SourceLocation } from '../ir/types.js';
import type { Diagnostic, Severity } from './types.js';

export function formatLocation(loc: SourceLocation | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : '<input>';
}

/** Longest message printed: a message that quotes input (a value, a cell) stays one readable line. */
export const MAX_MESSAGE_CHARS = 2000;

function bounded(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}… (${message.length - MAX_MESSAGE_CHARS} more characters)`;
}

/** `file:line:col  severity  code  message`, then one indented line per related location. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${formatLocation(d.location)}  ${d.severity}  ${d.code}  ${bounded(d.message)}`;
  const related = (d.related ?? []).map((r) => `    ${formatLocation(r.location)}  ${r.message}`);
  return [head, ...related].join('\n');
}

export interface DiagnosticSummary {
  bySeverity: Record<Severity, number>;
  byCode: { code: string; severity: Severity; count: number }[];
}

export function summarize(items: readonly Diagnostic[]): DiagnosticSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCode = new Map<string, { code: string; severity: Severity; count: number }>();
  for (const d of items) {
    bySeverity[d.severity]++;
    const key = `${d.code}\u0000${d.severity}`;
    const entry = byCode.get(key) ?? { code: d.code, severity: d.severity, count: 0 };
    entry.count++;
    byCode.set(key, entry);
  }
  return {
    bySeverity,
    byCode: [...byCode.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
  };
}

export function formatSummary(s: DiagnosticSummary): string {
  const lines = [`diagnostics: ${s.bySeverity.error} error(s), ${s.bySeverity.warning} warning(s), ${s.bySeverity.info} info`];
  for (const c of s.byCode) lines.push(`  ${String(c.count).padStart(6)}  ${c.severity.padEnd(7)}  ${c.code}`);
  return lines.join('\n');
}
