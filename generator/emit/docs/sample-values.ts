import type { Api, JsonValue, NamedType, TypeRef } from '../../ir/types.js';

/**
 * Values the code sample passes: the documented sample value when it fits the parameter's type
 * (so the snippet type-checks against the emitted client), else a placeholder of the type.
 */

const MAX_DEPTH = 12;

type Types = ReadonlyMap<string, NamedType>;

export function typesByName(api: Api): Map<string, NamedType> {
  return new Map(api.types.map((t) => [t.name, t]));
}

const isRecord = (v: JsonValue): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `value` is a valid value of `type` (excess object keys included, as TypeScript checks literals). */
export function fitsType(value: JsonValue, type: TypeRef, types: Types, depth = 0): boolean {
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
    case 'unknown':
      return true;
    case 'literal':
      return value === type.value;
    case 'enum':
      return type.values.some((v) => v.value === value);
    case 'array':
      return Array.isArray(value) && value.every((v) => fitsType(v, type.items, types, depth + 1));
    case 'map':
      return isRecord(value) && Object.values(value).every((v) => fitsType(v, type.values, types, depth + 1));
    case 'union':
      return type.variants.some((v) => fitsType(value, v, types, depth + 1));
    case 'ref': {
      // an unresolved name is `unknown` in the SDK (ir-unresolved-type): anything fits
      const named = types.get(type.name);
      return named ? fitsType(value, named.type, types, depth + 1) : true;
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
        if (!fitsType(v, f.type, types, depth + 1)) return false;
      }
      return type.fields.every((f) => !f.required || value[f.name] !== undefined);
    }
  }
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
