import type { Api, Field, Method, NamedType, TypeRef } from './types.js';

/** Calls `visit` for every type expression inside `type`, depth first, `type` itself included. */
export function walkType(type: TypeRef, visit: (t: TypeRef) => void): void {
  visit(type);
  switch (type.kind) {
    case 'array':
      walkType(type.items, visit);
      break;
    case 'map':
      walkType(type.values, visit);
      break;
    case 'object':
      for (const f of type.fields) walkType(f.type, visit);
      break;
    case 'union':
      for (const v of type.variants) walkType(v, visit);
      break;
    default:
      break;
  }
}

/** Names of the named types `type` refers to directly (not transitively). */
export function directRefs(type: TypeRef): string[] {
  const out: string[] = [];
  walkType(type, (t) => {
    if (t.kind === 'ref') out.push(t.name);
  });
  return out;
}

/** Every type expression a method uses: parameters, request body and response. */
export function methodTypes(method: Method): TypeRef[] {
  const types: TypeRef[] = method.parameters.map((p) => p.type);
  if (method.requestBody) types.push(method.requestBody.type);
  types.push(method.response.type);
  return types;
}

/**
 * Names of all named types reachable from `roots`, in first-reached (breadth-first) order:
 * the order a docs page lists its data structures in.
 */
export function reachableTypes(api: Api, roots: readonly TypeRef[]): string[] {
  const byName = typeIndex(api);
  const seen = new Set<string>();
  const order: string[] = [];
  const queue: string[] = roots.flatMap(directRefs);
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i]!;
    if (seen.has(name)) continue;
    seen.add(name);
    order.push(name);
    const named = byName.get(name);
    if (named) queue.push(...directRefs(named.type));
  }
  return order;
}

const indexes = new WeakMap<readonly NamedType[], Map<string, NamedType>>();

/** The named types by name, built once per types list (an emitter asks for it per method). */
export function typeIndex(api: Api): ReadonlyMap<string, NamedType> {
  let index = indexes.get(api.types);
  if (!index) {
    index = new Map(api.types.map((t) => [t.name, t]));
    indexes.set(api.types, index);
  }
  return index;
}

export function allMethods(api: Api): Method[] {
  return api.clients.flatMap((c) => c.methods);
}

export function objectFields(type: TypeRef): Field[] {
  return type.kind === 'object' ? type.fields : [];
}
