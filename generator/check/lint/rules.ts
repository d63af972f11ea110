import type { Config } from '../../config.js';
import { catalog } from '../../diagnostics/catalog.js';
import type { Diagnostic, Severity } from '../../diagnostics/types.js';

/**
 * The lint rules. Config (`"lint": { "parameter-description-missing": "off" }`) names a rule;
 * the catalog entry `lint-<rule>` describes it and gives its default severity. Lint's own checks
 * report the code `lint-<rule>`; a rule over ingest findings (INGEST_CODE_RULES) reports them with
 * the ingester's code, as `ir` does. Any other ingest code can be configured by its code.
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

/** The rule a finding counts under (in the config and the report): its lint rule, else its code. */
export const ruleOf = (code: string): string => INGEST_CODE_RULES[code] ?? code.replace(/^lint-/, '');

/**
 * Findings of the ingester that a lint rule covers: reported as they are (code, message, place,
 * related places) with the rule's severity, so a docs team sees one rule per kind of problem and
 * the same code `ir` prints.
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

/**
 * Applies the config: drops rules (or codes) set to off, re-levels the others; unknown names are
 * reported. Info findings of the ingester are notes, not defects: kept only when the config
 * re-levels their code to warn or error.
 */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], config: Config): Diagnostic[] {
  const settings = config.lint;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = settings[ruleOf(d.code)] ?? settings[d.code];
    if (setting === 'off') continue;
    if (setting) out.push({ ...d, severity: SEVERITY[setting] });
    else if (d.severity !== 'info') out.push(d);
  }
  for (const rule of Object.keys(settings).sort()) {
    if (!(LINT_RULES as readonly string[]).includes(rule) && !(rule in catalog)) {
      out.push({
        code: 'config-invalid',
        severity: 'warning',
        message: `lint rule "${rule}" does not exist (rules: ${LINT_RULES.join(', ')}, or any diagnostic code)`,
        location: { file: 'sdkforge.config.json', line: 1, column: 1 },
      });
    }
  }
  return out;
}

export const defaultSeverity = (rule: LintRule): Severity => catalog[`lint-${rule}`].severity;
