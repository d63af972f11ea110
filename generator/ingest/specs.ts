import type { Diagnostic } from '../diagnostics/types.js';
import { normalizeApi } from '../ir/normalize.js';
import { IR_VERSION, type Api, type Client } from '../ir/types.js';

/**
 * Reads OpenAPI specs into the IR and, when docs pages were read too, merges the two
 * (verb and path from the spec, prose from whichever has it; see openapi/merge-with-docs.ts).
 * Several specs are combined: clients of one name share their methods, named types are
 * taken once (IR validation reports a name defined twice).
 */
export async function ingestSpecs(
  specs: readonly string[],
  docs: Api | undefined,
  options: { tagsAs?: 'clients' | 'categories'; cwd?: string },
): Promise<{ api: Api; diagnostics: Diagnostic[] }> {
  // loaded only when a spec is given: docs-only runs skip the OpenAPI libraries
  const { ingestOpenApiFile } = await import('./openapi/document.js');
  const { mergeDocsAndSpec } = await import('./openapi/merge-with-docs.js');
  const diagnostics: Diagnostic[] = [];
  const read: Api[] = [];
  for (const file of specs) {
    const r = await ingestOpenApiFile(file, options);
    diagnostics.push(...r.diagnostics);
    if (r.api) read.push(r.api);
  }
  let spec = read[0];
  if (read.length > 1) spec = combine(read);
  if (!spec) return { api: docs ?? { irVersion: IR_VERSION, origin: 'openapi', clients: [], types: [] }, diagnostics };
  if (!docs) return { api: spec, diagnostics };
  const merged = mergeDocsAndSpec(docs, spec);
  return { api: merged.api, diagnostics: [...diagnostics, ...merged.diagnostics] };
}

function combine(apis: Api[]): Api {
  const clients = new Map<string, Client>();
  for (const c of apis.flatMap((a) => a.clients)) {
    const got = clients.get(c.name);
    if (got) got.methods.push(...c.methods);
    else clients.set(c.name, { ...c, methods: [...c.methods] });
  }
  const first = apis[0]!;
  return normalizeApi({ ...first, clients: [...clients.values()], types: apis.flatMap((a) => a.types) });
}
