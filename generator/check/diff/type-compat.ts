import type { TypeRef } from '../../ir/types.js';

/** Looks a named type up on one side of the diff. */
export type Resolve = (name: string) => TypeRef | undefined;

/**
 * Whether every value of `narrow` is also a value of `wide` (`wide` accepts `narrow`): the
 * relation that decides if a type change widened or narrowed. A request type may widen
 * (callers' old values still pass), a response type may narrow (callers' old handling still
 * covers it); anything else breaks someone.
 *
 * Object fields are not looked at here (the diff compares them field by field); two objects
 * accept each other. Named types are resolved on their own side, with a guard for cycles.
 */
export function accepts(wide: TypeRef, narrow: TypeRef, resolveWide: Resolve, resolveNarrow: Resolve, seen = new Set<string>()): boolean {
  if (wide.kind === 'unknown') return true;
  if (wide.kind === 'ref' || narrow.kind === 'ref') {
    if (wide.kind === 'ref' && narrow.kind === 'ref' && wide.name === narrow.name) return true;
    const key = `${wide.kind === 'ref' ? wide.name : '*'}\u0000${narrow.kind === 'ref' ? narrow.name : '*'}`;
    if (seen.has(key)) return true;
    seen.add(key);
    const w = wide.kind === 'ref' ? resolveWide(wide.name) : wide;
    const n = narrow.kind === 'ref' ? resolveNarrow(narrow.name) : narrow;
    // an undefined side cannot be judged: call it compatible, the unresolved ref is lint's finding
    if (!w || !n) return true;
    return accepts(w, n, resolveWide, resolveNarrow, seen);
  }
  if (narrow.kind === 'union') return narrow.variants.every((v) => accepts(wide, v, resolveWide, resolveNarrow, seen));
  if (wide.kind === 'union') return wide.variants.some((v) => accepts(v, narrow, resolveWide, resolveNarrow, seen));
  switch (wide.kind) {
    case 'string':
    case 'boolean':
    case 'integer':
    case 'number':
      return primitiveAccepts(wide.kind, narrow);
    case 'null':
    case 'binary':
      return narrow.kind === wide.kind;
    case 'literal':
      return narrow.kind === 'literal' && narrow.value === wide.value;
    case 'enum': {
      const values = new Set(wide.values.map((v) => v.value));
      if (narrow.kind === 'literal') return values.has(narrow.value);
      if (narrow.kind === 'enum') return narrow.values.every((v) => values.has(v.value));
      return false;
    }
    case 'array':
      return narrow.kind === 'array' && accepts(wide.items, narrow.items, resolveWide, resolveNarrow, seen);
    case 'map':
      if (narrow.kind === 'map') return accepts(wide.values, narrow.values, resolveWide, resolveNarrow, seen);
      return narrow.kind === 'object' && narrow.fields.every((f) => accepts(wide.values, f.type, resolveWide, resolveNarrow, seen));
    case 'object':
      if (narrow.kind === 'object') return true;
      // "any object" (no fields, open) takes maps too
      return narrow.kind === 'map' && wide.fields.length === 0 && wide.open === true;
  }
}

function primitiveAccepts(wide: 'string' | 'boolean' | 'integer' | 'number', narrow: TypeRef): boolean {
  const fits = (kind: string): boolean => kind === wide || (wide === 'number' && kind === 'integer');
  if (narrow.kind === 'literal') return fits(typeof narrow.value === 'number' && Number.isInteger(narrow.value) ? 'integer' : typeof narrow.value);
  if (narrow.kind === 'enum') return fits(narrow.base);
  return fits(narrow.kind);
}
