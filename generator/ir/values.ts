import type { JsonValue, NamedType, TypeRef } from './types.js';

/** Deeper than this, a value is taken not to fit (guards against recursive named types). */
const MAX_DEPTH = 12;

type Types = ReadonlyMap<string, NamedType>;

const isRecord = (v: JsonValue): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `value` is a valid value of `type` (excess object keys included, as TypeScript checks literals). */
export function valueFitsType(value: JsonValue, type: TypeRef, types: Types, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  switch (type.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'binary':
      // bytes are never a JSON value
      return false;
    case 'unknown':
      return true;
    case 'literal':
      return value === type.value;
    case 'enum':
      return type.values.some((v) => v.value === value);
    case 'array':
      return Array.isArray(value) && value.every((v) => valueFitsType(v, type.items, types, depth + 1));
    case 'map':
      return isRecord(value) && Object.values(value).every((v) => valueFitsType(v, type.values, types, depth + 1));
    case 'union':
      return type.variants.some((v) => valueFitsType(value, v, types, depth + 1));
    case 'ref': {
      // an unresolved name is `unknown` in the SDK (ir-unresolved-type): anything fits
      const named = types.get(type.name);
      return named ? valueFitsType(value, named.type, types, depth + 1) : true;
    }
    case 'object': {
      if (!isRecord(value)) return false;
      if (type.fields.length === 0 && type.open) return true;
      const byName = new Map(type.fields.map((f) => [f.name, f]));
      for (const [k, v] of Object.entries(value)) {
        const f = byName.get(k);
        if (!f) {
          if (!type.open) return false;
          continue;
        }
        if (!valueFitsType(v, f.type, types, depth + 1)) return false;
      }
      return type.fields.every((f) => !f.required || value[f.name] !== undefined);
    }
  }
}


/**
 * Deepest nesting of objects and arrays sdkforge reads from any input (a spec file, a sample
 * JSON, a cell value). Real APIs stay under 30 levels; the readers, the IR tools and the code
 * printers walk values recursively, so a deeper value is refused before anything walks it.
 */
export const MAX_NESTING = 128;

/**
 * Whether `value` nests objects/arrays deeper than `max` levels, or contains itself (a YAML
 * alias to its own ancestor). No recursion; an object shared by aliases is walked again only
 * when reached deeper than before, so at most `max` times.
 */
export function nestingProblem(value: unknown, max = MAX_NESTING): 'too-deep' | 'cyclic' | undefined {
  const deepest = new Map<object, number>();
  const open = new Set<object>();
  // [node, depth]; depth -1 marks leaving the node
  const stack: [object, number][] = [];
  const enter = (node: unknown, depth: number): void => {
    if (node !== null && typeof node === 'object') stack.push([node, depth]);
  };
  enter(value, 1);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth === -1) {
      open.delete(node);
      continue;
    }
    if (open.has(node)) return 'cyclic';
    if ((deepest.get(node) ?? 0) >= depth) continue;
    if (depth > max) return 'too-deep';
    deepest.set(node, depth);
    open.add(node);
    stack.push([node, -1]);
    for (const child of Array.isArray(node) ? node : Object.values(node)) enter(child, depth + 1);
  }
  return undefined;
}
