import type { Api, JsonValue, NamedType, TypeRef } from '../../ir/types.js';
import { valueFitsType as fitsType } from '../../ir/values.js';

export { fitsType };

/**
 * Values the code sample passes: the documented sample value when it fits the parameter's type
 * (so the snippet type-checks against the emitted client), else a placeholder of the type.
 */

const MAX_DEPTH = 12;

type Types = ReadonlyMap<string, NamedType>;

export function typesByName(api: Api): Map<string, NamedType> {
  return new Map(api.types.map((t) => [t.name, t]));
}

/** A placeholder value of `type` (first enum value, empty string, 0, required fields only), or undefined. */
export function placeholder(type: TypeRef, types: Types, depth = 0): JsonValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (type.kind) {
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'null':
    case 'unknown':
      return null;
    case 'binary':
      // bytes have no JSON form: the sample leaves the argument out
      return undefined;
    case 'literal':
      return type.value;
    case 'enum':
      return type.values[0]?.value;
    case 'array':
      return [];
    case 'map':
      return {};
    case 'union': {
      for (const v of type.variants) {
        const p = placeholder(v, types, depth + 1);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    case 'ref': {
      const named = types.get(type.name);
      return named ? placeholder(named.type, types, depth + 1) : null;
    }
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const f of type.fields) {
        if (!f.required) continue;
        const v = f.example !== undefined && fitsType(f.example, f.type, types) ? f.example : placeholder(f.type, types, depth + 1);
        if (v === undefined) return undefined;
        // defineProperty: a field named __proto__ must stay a field
        Object.defineProperty(out, f.name, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
