import type { Config } from '../../config.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { IngestResult } from '../../ingest/index.js';
import { checkParameterDescriptions } from './parameter-descriptions.js';
import { checkProseEnums } from './prose-enums.js';
import { applyRuleSettings, defaultSeverity, INGEST_CODE_RULES } from './rules.js';
import { SampleLocator } from './sample-location.js';
import { checkSamples } from './samples.js';
import { IrSchemas } from './zod-schema.js';

export interface LintResult {
  /**
   * Every defect `ir` reports (same code, place and message; a finding a lint rule covers takes
   * the rule's severity), then lint's own findings (`lint-*`), config applied; `config-invalid`
   * for an unknown rule.
   */
  diagnostics: Diagnostic[];
}

/**
 * Lints ingested docs: the ingester's findings are all reported, so one command in CI sees what
 * `ir` and `generate` see; the rest is checked on the IR. `cwd` is where the pages' paths are
 * relative to (samples are located there).
 */
export async function lintIngested(ingested: IngestResult, config: Config, cwd: string): Promise<LintResult> {
  const reused: Diagnostic[] = [];
  const badSampleRows = new Set<string>();
  for (const d of ingested.diagnostics) {
    const rule = INGEST_CODE_RULES[d.code];
    reused.push(rule ? { ...d, severity: defaultSeverity(rule) } : d);
    if (d.code === 'md-bad-sample' && d.location) badSampleRows.add(`${d.location.file}:${d.location.line}`);
  }
  const api = ingested.api;
  const own = [
    ...(await checkSamples(api, new IrSchemas(api), new SampleLocator(cwd), badSampleRows)),
    ...checkParameterDescriptions(api),
    ...checkProseEnums(api),
  ];
  return { diagnostics: applyRuleSettings([...reused, ...own], config) };
}
