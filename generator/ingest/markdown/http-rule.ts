import type { Field, HttpBinding, ParameterLocation, SourceLocation, TypeRef } from '../../ir/types.js';

/**
 * The docs do not state HTTP verbs and paths, so for docs-derived methods they come from this
 * rule (README, "HTTP verbs and paths"), and the IR records which part fired:
 *
 * - path `api-v3-file-name`: `/api/v3/` + the page's file name (`get-user-mfa-info.md` →
 *   `/api/v3/get-user-mfa-info`);
 * - verb `query-name-scalar-params` → GET: the name reads as a query (first word get, list,
 *   check, is, has, search, ...) and every parameter is a scalar or an array of scalars;
 * - verb `default-post` → POST with a JSON body otherwise.
 *
 * GET parameters travel in the query string; POST parameters are properties of the JSON body.
 * Known exceptions are fixed by the overrides file (`http-overrides.json`).
 */
export const QUERY_VERBS = new Set(['get', 'list', 'check', 'is', 'has', 'search', 'find', 'query', 'export', 'count', 'exists', 'fetch']);

function isScalar(t: TypeRef): boolean {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'literal':
    case 'enum':
      return true;
    default:
      return false;
  }
}

export function isQueryable(t: TypeRef): boolean {
  return isScalar(t) || (t.kind === 'array' && isScalar(t.items));
}

export function applyHttpRule(
  words: readonly string[],
  fileStem: string,
  params: readonly Field[],
  source: SourceLocation,
): { http: HttpBinding; location: ParameterLocation } {
  const reads = QUERY_VERBS.has(words[0] ?? '');
  const get = reads && params.every((p) => isQueryable(p.type));
  return {
    http: {
      verb: get ? 'GET' : 'POST',
      path: `/api/v3/${fileStem}`,
      verbOrigin: { kind: 'rule', rule: get ? 'query-name-scalar-params' : 'default-post', source },
      pathOrigin: { kind: 'rule', rule: 'api-v3-file-name', source },
    },
    location: get ? 'query' : 'body',
  };
}
