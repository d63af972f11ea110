import type { Api, TypeRef } from '../../ir/types.js';
import { typeIndex } from '../../ir/walk.js';

/**
 * tsc writes the inferred type of a `<Type>Schema` into the SDK's declarations in full, the
 * schemas it refers to inlined, and gives up past a million characters (TS7056: "the inferred
 * type of this node exceeds the maximum length"): a 50,000-row data structure does. Such a
 * schema is annotated `z.ZodType<T, T>` instead (models.ts), which also spares tsc the work.
 * Size here is the number of type nodes the inferred type spells out, about 40 characters
 * each; the budget keeps every declaration far below the limit.
 */
export const SCHEMA_NODE_BUDGET = 5000;

/** Named types whose schema is annotated because its inferred type would be too large. */
export function largeSchemas(api: Api, budget = SCHEMA_NODE_BUDGET): Set<string> {
  const types = typeIndex(api);
  const large = new Set<string>();
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();

  const sizeOfNamed = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const named = types.get(name);
    // a cycle is annotated already (cycles.ts) and so is printed by name
    if (!named || visiting.has(name)) return 1;
    visiting.add(name);
    let size = sizeOf(named.type);
    visiting.delete(name);
    if (size > budget) {
      large.add(name);
      size = 1;
    }
    sizes.set(name, size);
    return size;
  };
  // an explicit stack would be safer for very deep types, but named types break the depth:
  // each is measured once and then counts as its size
  const sizeOf = (t: TypeRef): number => {
    switch (t.kind) {
      case 'ref':
        return sizeOfNamed(t.name);
      case 'array':
        return 1 + sizeOf(t.items);
      case 'map':
        return 1 + sizeOf(t.values);
      case 'object':
        return t.fields.reduce((n, f) => n + 1 + sizeOf(f.type), 1);
      case 'union':
        return t.variants.reduce((n, v) => n + sizeOf(v), 1);
      case 'enum':
        return 1 + t.values.length;
      default:
        return 1;
    }
  };
  for (const t of api.types) sizeOfNamed(t.name);
  return large;
}
