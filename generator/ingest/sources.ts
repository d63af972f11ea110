import type { Diagnostic } from '../diagnostics/types.js';
import type { Api } from '../ir/types.js';

/**
 * Reads OpenAPI specs into the IR and, when docs pages were read too, merges the two
 * (verb and path from the spec, prose from whichever has it). Filled in by the OpenAPI ingester.
 */
export async function ingestSpecs(
  specs: readonly string[],
  docs: Api | undefined,
  _options: { tagsAs?: 'clients' | 'categories' },
): Promise<{ api: Api; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = specs.map((file) => ({
    code: 'input-unsupported',
    severity: 'error' as const,
    message: 'OpenAPI input is not supported by this build yet',
    location: { file, line: 1, column: 1 },
  }));
  return { api: docs ?? { irVersion: 1, origin: 'openapi', clients: [], types: [] }, diagnostics };
}
