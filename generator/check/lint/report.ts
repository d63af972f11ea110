import { errorsFirst, sortDiagnostics } from '../../diagnostics/collector.js';
import { formatDiagnostic, formatLocation } from '../../diagnostics/format.js';
import type { Diagnostic, Severity } from '../../diagnostics/types.js';
import { ruleOf } from './rules.js';

export type LintFormat = 'text' | 'json' | 'markdown' | 'github';

export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

export interface PageCount {
  file: string;
  errors: number;
  warnings: number;
  /** Findings per rule on this page, most first. */
  rules: { rule: string; count: number }[];
}

export interface LintSummary {
  errors: number;
  warnings: number;
  rules: RuleCount[];
  /** Pages with the most findings (errors first). */
  worstPages: PageCount[];
  pagesWithFindings: number;
}

export function summarizeLint(diagnostics: readonly Diagnostic[], worst = 15): LintSummary {
  const rules = new Map<string, RuleCount>();
  const pages = new Map<string, PageCount>();
  for (const d of diagnostics) {
    const rule = ruleOf(d.code);
    const key = `${rule}\u0000${d.severity}`;
    const r = rules.get(key) ?? { rule, severity: d.severity, count: 0 };
    r.count++;
    rules.set(key, r);
    const file = d.location?.file ?? '<input>';
    const p = pages.get(file) ?? { file, errors: 0, warnings: 0, rules: [] };
    if (d.severity === 'error') p.errors++;
    else p.warnings++;
    const pr = p.rules.find((x) => x.rule === rule);
    if (pr) pr.count++;
    else p.rules.push({ rule, count: 1 });
    pages.set(file, p);
  }
  for (const p of pages.values()) p.rules.sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
  const ranked = [...pages.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.file < b.file ? -1 : 1));
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    rules: [...rules.values()].sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1)),
    worstPages: ranked.slice(0, worst),
    pagesWithFindings: pages.size,
  };
}

const pageRules = (p: PageCount): string => p.rules.map((r) => `${r.rule} ${r.count}`).join(', ');

/**
 * Findings one per line (`file:line:col  severity  code  message`), errors first, then counts per
 * rule and the worst pages. `limit` caps the warnings shown, never the errors.
 */
export function formatLintText(diagnostics: readonly Diagnostic[], s: LintSummary, limit = Infinity, format: (d: Diagnostic) => string = formatDiagnostic): string {
  const sorted = errorsFirst(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const rest = sorted.filter((d) => d.severity !== 'error');
  const lines = [...errors, ...rest.slice(0, limit)].map(format);
  if (rest.length > limit) lines.push(`... ${rest.length - limit} more warning(s) (use --max-diagnostics to see more)`);
  lines.push('', `lint: ${s.errors} error(s), ${s.warnings} warning(s) on ${s.pagesWithFindings} page(s)`);
  for (const r of s.rules) lines.push(`  ${String(r.count).padStart(6)}  ${r.severity.padEnd(7)}  ${r.rule}`);
  if (s.worstPages.length > 0) {
    lines.push('', 'pages with the most findings:');
    for (const p of s.worstPages) lines.push(`  ${String(p.errors).padStart(4)} error(s) ${String(p.warnings).padStart(4)} warning(s)  ${p.file}  (${pageRules(p)})`);
  }
  return lines.join('\n') + '\n';
}

/** A report for the docs team: counts per rule, worst pages, then every finding grouped by page. */
export function formatLintMarkdown(diagnostics: readonly Diagnostic[], s: LintSummary): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = ['# Docs lint report', '', `${s.errors} error(s), ${s.warnings} warning(s) on ${s.pagesWithFindings} page(s).`, ''];
  out.push('## Findings per rule', '', '| Rule | Severity | Count |', '| --- | --- | ---: |');
  for (const r of s.rules) out.push(`| \`${r.rule}\` | ${r.severity} | ${r.count} |`);
  out.push('', '## Pages with the most findings', '', '| Page | Errors | Warnings | Rules |', '| --- | ---: | ---: | --- |');
  for (const p of s.worstPages) out.push(`| ${cell(p.file)} | ${p.errors} | ${p.warnings} | ${cell(pageRules(p))} |`);
  out.push('', '## Findings by page', '');
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const f = d.location?.file ?? '<input>';
    byFile.set(f, [...(byFile.get(f) ?? []), d]);
  }
  for (const [file, list] of byFile) {
    out.push(`### ${cell(file)}`, '');
    for (const d of list) out.push(`- line ${d.location?.line ?? '?'}: **${ruleOf(d.code)}** (${d.severity}) ${cell(d.message)}${d.related?.length ? ` — see ${d.related.map((r) => formatLocation(r.location)).join(', ')}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

export function formatLintJson(diagnostics: readonly Diagnostic[], s: LintSummary): string {
  return JSON.stringify({ summary: s, diagnostics: sortDiagnostics(diagnostics) }, null, 2) + '\n';
}
