import { diagnostic } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { cyclicComponents } from './graph.js';
import type { Api, TypeRef } from './types.js';

/**
 * Named types that are nothing but each other (`X: {$ref: Y}`, `Y: {$ref: X}`, the same through
 * `allOf` or a union): TypeScript rejects such aliases (TS2456), so the SDK would not compile,
 * and `X = Y, Y = X` has no value at all. Recursion through an object's field, a map's values or
 * an array's items is a real recursive type and is left alone.
 *
 * Each such cycle is reported, and broken where it is first entered (its first member by name
 * becomes `unknown`), so the rest of the API still generates.
 */
export function breakAliasCycles(api: Api): Diagnostic[] {
  const edges = new Map<string, string[]>();
  for (const t of api.types) edges.set(t.name, [...(edges.get(t.name) ?? []), ...aliasTargets(t.type)]);
  const out: Diagnostic[] = [];
  for (const members of cyclicComponents(edges)) {
    const names = [...new Set(members)].sort();
    const first = names[0]!;
    const chain = names.length === 1 ? `${first} is defined through itself` : `${names.join(', ')} are defined only through each other`;
    for (const t of api.types) if (t.name === first) t.type = { kind: 'unknown' };
    const at = api.types.find((t) => t.name === first)!.source;
    out.push(diagnostic('ir-type-cycle', `${chain} ($ref, allOf, unions or maps, with no object or array in between): TypeScript cannot declare such types; ${first} is typed as unknown`, at));
  }
  return out;
}

/** Names a type is an alias of: refs reached without passing through an object or an array. */
function aliasTargets(type: TypeRef): string[] {
  const out: string[] = [];
  const stack: TypeRef[] = [type];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.kind === 'ref') out.push(t.name);
    else if (t.kind === 'union') stack.push(...t.variants);
    // a map is an object (the SDK prints `{ [key: string]: X }`): recursion through its values is real
  }
  return out;
}
