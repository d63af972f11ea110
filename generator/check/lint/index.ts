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
  /** Lint findings only (codes `lint-*`, plus `config-invalid` for an unknown rule), config applied. */
  diagnostics: Diagnostic[];
}

/**
 * Lints ingested docs: the ingester's findings that are lint rules are reused (re-coded), the rest
 * is checked on the IR. `cwd` is where the pages' paths are relative to (samples are located there).
 */
export async function lintIngested(ingested: IngestResult, config: Config, cwd: string): Promise<LintResult> {
  const reused: Diagnostic[] = [];
  const badSampleRows = new Set<string>();
  for (const d of ingested.diagnostics) {
    const rule = INGEST_CODE_RULES[d.code];
    if (!rule) continue;
    reused.push({ ...d, code: `lint-${rule}`, severity: defaultSeverity(rule) });
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
