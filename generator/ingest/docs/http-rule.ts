import type { Field, TypeRef } from '../../ir/types.js';

/**
 * The name rule: the last resort for a docs-derived method's verb, when its pages show nothing
 * of where the parameters travel (http-binding.ts has the whole order; README, "HTTP verbs and
 * paths"). The IR records which part fired:
 *
 * - path `api-v3-file-name`: `/api/v3/` + the page's file name (`get-user-mfa-info.md` →
 *   `/api/v3/get-user-mfa-info`); `api-v3-method-name` for a page outside the published layout
 *   (a saved or copied page named `000_52f5.txt`): the method name in kebab case;
 * - verb `query-name-scalar-params` → GET: the name reads as a query (first word get, list,
 *   check, is, has, search, ...) and every parameter is a scalar or an array of scalars;
 * - verb `required-list-in-body` → POST: such a query whose subject is a required list
 *   (`getUserPermissionList({ userIds })`) sends it as a JSON body, unless the name ends in
 *   `batch` (`getUserBatch({ userIds })` is a GET with the ids in the query string);
 * - verb `default-post` → POST with a JSON body otherwise.
 *
 * The real Authing V3 API uses only GET and POST, so the rule never gives PUT/PATCH/DELETE
 * (`delete-*` methods are POSTs). Measured against the published SDKs in
 * test/ingest/docs/http-rule.test.ts.
 *
 * GET parameters travel in the query string; POST parameters are properties of the JSON body.
 * Known exceptions are fixed by the overrides file (`http-overrides.json`).
 */
export const QUERY_VERBS = new Set(['get', 'list', 'check', 'is', 'has', 'search', 'find', 'query', 'export', 'count', 'exists', 'fetch']);

/** `api-v3-method-name`: a page outside the published layout, whose file name says nothing. */
export type PathRule = 'api-v3-file-name' | 'api-v3-method-name';

export type VerbRule = 'query-name-scalar-params' | 'required-list-in-body' | 'default-post';

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

/** Which verb rule fires for a method named `words` with these parameters. */
export function verbRule(words: readonly string[], params: readonly Field[]): VerbRule {
  const reads = QUERY_VERBS.has(words[0] ?? '');
  if (!reads || !params.every((p) => isQueryable(p.type))) return 'default-post';
  const batchLookup = words[words.length - 1] === 'batch';
  if (!batchLookup && params.some((p) => p.required && p.type.kind === 'array')) return 'required-list-in-body';
  return 'query-name-scalar-params';
}
