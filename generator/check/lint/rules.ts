import type { Config } from '../../config.js';
import { catalog } from '../../diagnostics/catalog.js';
import type { Diagnostic, Severity } from '../../diagnostics/types.js';

/**
 * The lint rules. Config (`"lint": { "parameter-description-missing": "off" }`) names a rule;
 * its diagnostics carry the code `lint-<rule>`, whose catalog entry gives the default severity.
 */
export const LINT_RULES = [
  'sample-mismatch',
  'sample-value-mismatch',
  'sample-missing-required',
  'sample-unparsable',
  'unresolved-type',
  'conflicting-type',
  'page-disagreement',
  'parameter-description-missing',
  'prose-enum-disagreement',
  'spec-disagreement',
] as const;

export type LintRule = (typeof LINT_RULES)[number];

export const ruleOf = (code: string): string => code.replace(/^lint-/, '');

/**
 * Findings of the ingester that are lint findings too: reused as they are (message, place,
 * related places), only re-coded, so a docs team sees one rule per kind of problem.
 */
export const INGEST_CODE_RULES: Record<string, LintRule> = {
  'md-bad-sample': 'sample-value-mismatch',
  'md-sample-json-invalid': 'sample-unparsable',
  'ir-unresolved-type': 'unresolved-type',
  'ir-conflicting-type': 'conflicting-type',
  'md-merge-disagreement': 'page-disagreement',
  'merge-parameter-only-in-one': 'spec-disagreement',
  'merge-type-differs': 'spec-disagreement',
  'merge-method-only-in-one': 'spec-disagreement',
};

const SEVERITY: Record<'warn' | 'error', Severity> = { warn: 'warning', error: 'error' };

/** Applies the config: drops rules set to off, re-levels the others; unknown rule names are reported. */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], config: Config): Diagnostic[] {
  const settings = config.lint;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = settings[ruleOf(d.code)];
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: SEVERITY[setting] } : d);
  }
  for (const rule of Object.keys(settings).sort()) {
    if (!(LINT_RULES as readonly string[]).includes(rule)) {
      out.push({
        code: 'config-invalid',
        severity: 'warning',
        message: `lint rule "${rule}" does not exist (rules: ${LINT_RULES.join(', ')})`,
        location: { file: 'sdkforge.config.json', line: 1, column: 1 },
      });
    }
  }
  return out;
}

export const defaultSeverity = (rule: LintRule): Severity => catalog[`lint-${rule}`].severity;
