/** IR TypeRef / Field → OpenAPI 3.1 Schema Object (JSON Schema 2020-12 dialect). */
import { escapePointer } from '../../formats/json-pointer.js';
import type { Constraints, Field, TypeRef } from '../../ir/types.js';
import { ENUM_DESCRIPTIONS, X } from '../../formats/openapi-extensions.js';

export type Schema = Record<string, unknown>;

/** Component key of each IR type name (names OpenAPI does not allow are rewritten). */
export type ComponentNames = ReadonlyMap<string, string>;

export const componentRef = (name: string, names: ComponentNames): string => `#/components/schemas/${escapePointer(names.get(name) ?? name)}`;

export function typeSchema(t: TypeRef, names: ComponentNames): Schema {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'integer':
      return withConstraints(t.format ? { type: t.kind, format: t.format } : { type: t.kind }, t.constraints);
    case 'boolean':
    case 'null':
      return { type: t.kind };
    case 'binary':
      return t.mediaType ? { type: 'string', contentMediaType: t.mediaType } : { type: 'string', format: 'binary' };
    case 'unknown':
      return {};
    case 'literal':
      return { const: t.value };
    case 'array':
      return withConstraints({ type: 'array', items: typeSchema(t.items, names) }, t.constraints);
    case 'ref':
      // a dangling $ref would make the document invalid; the IR's own validation reports it
      return names.has(t.name) ? { $ref: componentRef(t.name, names) } : { [X.unresolvedRef]: t.name };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(t.values, names) };
    case 'object':
      return objectSchema(t.fields, t.open === true, names);
    case 'enum': {
      const s: Schema = { type: t.base, enum: t.values.map((v) => v.value) };
      if (t.values.some((v) => v.description)) s[ENUM_DESCRIPTIONS] = t.values.map((v) => v.description ?? '');
      return s;
    }
    case 'union': {
      const s: Schema = { oneOf: t.variants.map((v) => typeSchema(v, names)) };
      if (t.discriminator) {
        s.discriminator = {
          propertyName: t.discriminator.property,
          mapping: Object.fromEntries(t.discriminator.mapping.map((m) => [m.value, componentRef(m.type, names)])),
        };
      }
      return s;
    }
  }
}

/** The validation keywords as JSON Schema 2020-12 writes them (exclusive bounds as numbers). */
function withConstraints(s: Schema, c: Constraints | undefined): Schema {
  if (!c) return s;
  const { source: _source, patternUnchecked: _unchecked, ...keywords } = c;
  return { ...s, ...keywords };
}

/** `properties` is always written (even empty): the reader takes an object without it as "any object". */
export function objectSchema(fields: readonly Field[], open: boolean, names: ComponentNames): Schema {
  const s: Schema = { type: 'object', properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, names)])) };
  const required = fields.filter((f) => f.required).map((f) => f.name);
  if (required.length > 0) s.required = required;
  if (open) s.additionalProperties = true;
  return s;
}

/** A property's schema: its type plus the field's prose and flags (3.1 allows them beside `$ref`). */
export function fieldSchema(f: Field, names: ComponentNames): Schema {
  const s = typeSchema(f.type, names);
  if (f.description) s.description = f.description;
  if (f.default !== undefined) s.default = f.default;
  if (f.example !== undefined) s.examples = [f.example];
  if (f.deprecated) s.deprecated = true;
  if (f.readOnly) s.readOnly = true;
  if (f.writeOnly) s.writeOnly = true;
  return s;
}
