import type { Diagnostic } from '../diagnostics/types.js';
import type { OpenApiIngestOptions } from './openapi/document.js';
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
  options: OpenApiIngestOptions,
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
  const first = apis[0]!;
  const clients = new Map<string, Client>();
  // the first spec's servers and security are the API's; another spec's travel with its methods
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  for (const other of apis.slice(1)) {
    for (const m of other.clients.flatMap((c) => c.methods)) {
      if (!m.servers && other.servers && !same(other.servers, first.servers)) m.servers = other.servers;
      if (!m.security && !same(other.security ?? [], first.security ?? [])) m.security = other.security ?? [];
    }
  }
  const schemes = new Map(apis.flatMap((a) => a.securitySchemes ?? []).reverse().map((s) => [s.name, s]));
  for (const c of apis.flatMap((a) => a.clients)) {
    const got = clients.get(c.name);
    if (got) got.methods.push(...c.methods);
    else clients.set(c.name, { ...c, methods: [...c.methods] });
  }
  const api: Api = { ...first, clients: [...clients.values()], types: apis.flatMap((a) => a.types) };
  if (schemes.size > 0) api.securitySchemes = [...schemes.values()].reverse();
  return normalizeApi(api);
}
