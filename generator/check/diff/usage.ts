import type { Api, TypeRef } from '../../ir/types.js';
import { allMethods, reachableTypes } from '../../ir/walk.js';

/**
 * Which way a type's values travel: `request` (the caller sends them), `response` (the caller
 * receives them) or both. The same change breaks callers in one direction and not the other.
 */
export type Direction = 'request' | 'response' | 'both';

export function joinDirections(a: Direction | undefined, b: Direction | undefined): Direction | undefined {
  if (!a) return b;
  if (!b || a === b) return a;
  return 'both';
}

/** Direction of every named type reachable from some method (of those `keep` takes: `Client.method_id`). */
export function typeDirections(api: Api, keep: (methodKey: string) => boolean = () => true): Map<string, Direction> {
  const out = new Map<string, Direction>();
  const mark = (roots: TypeRef[], d: Direction): void => {
    for (const name of reachableTypes(api, roots)) out.set(name, joinDirections(out.get(name), d)!);
  };
  for (const m of allMethods(api)) {
    if (!keep(`${m.client}.${m.id}`)) continue;
    const request = m.parameters.map((p) => p.type);
    if (m.requestBody) request.push(m.requestBody.type);
    mark(request, 'request');
    mark([m.response.type], 'response');
  }
  return out;
}
