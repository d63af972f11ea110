import { ts } from 'ts-morph';
import { valueFitsType } from '../../ir/values.js';
import type { Field, JsonValue, TypeRef } from '../../ir/types.js';
import { call, f, id, jsonExpression, num, objectKey, str } from './ast.js';
import type { ModuleRefs } from './module-refs.js';
import { uniqueValues } from './types.js';

/** `z.name(...args)` */
export const z = (name: string, args: readonly ts.Expression[] = []): ts.CallExpression => call(id('z'), name, args);

const literal = (v: string | number | boolean): ts.Expression =>
  typeof v === 'string' ? str(v) : typeof v === 'number' ? num(v) : v ? f.createTrue() : f.createFalse();

/** IR type expression → zod 4 schema expression; references use the `<Type>Schema` consts. */
export function zodExpression(t: TypeRef, refs: ModuleRefs): ts.Expression {
  switch (t.kind) {
    case 'string':
      return z('string');
    case 'number':
      return z('number');
    case 'integer':
      return z('int');
    case 'boolean':
      return z('boolean');
    case 'null':
      return z('null');
    case 'unknown':
      return z('unknown');
    case 'literal':
      return z('literal', [literal(t.value)]);
    case 'array':
      return z('array', [zodExpression(t.items, refs)]);
    case 'ref':
      return refSchema(t.name, refs);
    case 'map':
      return z('record', [z('string'), zodExpression(t.values, refs)]);
    case 'object':
      if (t.fields.length === 0) return z('record', [z('string'), z('unknown')]);
      return objectSchema(t.fields, t.open === true, refs);
    case 'enum': {
      const values = uniqueValues(t.values.map((v) => v.value));
      if (values.length === 0) return zodExpression({ kind: t.base }, refs);
      if (values.every((v): v is string => typeof v === 'string')) {
        return z('enum', [f.createArrayLiteralExpression(values.map(str), false)]);
      }
      return values.length === 1 ? z('literal', [literal(values[0]!)]) : z('literal', [f.createArrayLiteralExpression(values.map(literal), false)]);
    }
    case 'union':
      return unionSchema(t, refs);
  }
}

function refSchema(irName: string, refs: ModuleRefs): ts.Expression {
  const name = refs.schemaName(irName);
  if (!name) return z('unknown');
  if (!refs.isLazy(irName)) return id(name);
  return z('lazy', [f.createArrowFunction(undefined, undefined, [], undefined, undefined, id(name))]);
}

function unionSchema(t: Extract<TypeRef, { kind: 'union' }>, refs: ModuleRefs): ts.Expression {
  const nonNull = t.variants.filter((v) => v.kind !== 'null');
  // `T | null` reads better, and infers the same, as `.nullable()`
  if (nonNull.length === 1 && nonNull.length < t.variants.length) return call(zodExpression(nonNull[0]!, refs), 'nullable');
  if (t.variants.length === 1) return zodExpression(t.variants[0]!, refs);
  const options = f.createArrayLiteralExpression(t.variants.map((v) => zodExpression(v, refs)), false);
  const property = t.discriminator?.property;
  const discriminable = property !== undefined && t.variants.every((v) => isDiscriminableVariant(v, property, refs));
  return discriminable ? z('discriminatedUnion', [str(property), options]) : z('union', [options]);
}

/**
 * z.discriminatedUnion reads each option's shape when it is built and needs the discriminator
 * as a required literal/enum property: only plain (non-lazy) refs to such objects qualify;
 * anything else stays a z.union, which accepts the same values.
 */
function isDiscriminableVariant(v: TypeRef, property: string, refs: ModuleRefs): boolean {
  if (v.kind !== 'ref' || refs.isLazy(v.name)) return false;
  const def = refs.definition(v.name)?.type;
  if (def?.kind !== 'object') return false;
  const field = def.fields.find((f) => f.name === property);
  return field !== undefined && field.required && (field.type.kind === 'literal' || field.type.kind === 'enum');
}

export interface ObjectSchemaOptions {
  /** Apply each field's default with `.default()` (method parameters; DTOs only document it). */
  applyDefaults?: boolean;
  /** Report a default that does not fit the field's type (it is then only documented). */
  onBadDefault?: (field: Field) => void;
}

export function objectSchema(fields: readonly Field[], open: boolean, refs: ModuleRefs, options: ObjectSchemaOptions = {}): ts.Expression {
  const props = fields.map((field) => f.createPropertyAssignment(objectKey(field.name), fieldSchema(field, refs, options)));
  return z(open ? 'looseObject' : 'object', [f.createObjectLiteralExpression(props, true)]);
}

function fieldSchema(field: Field, refs: ModuleRefs, options: ObjectSchemaOptions): ts.Expression {
  let schema = zodExpression(field.type, refs);
  if (field.description) schema = call(schema, 'describe', [str(field.description)]);
  if (field.required) return schema;
  if (options.applyDefaults && field.default !== undefined) {
    if (defaultFits(field.type, field.default)) return call(schema, 'default', [jsonExpression(field.default)]);
    options.onBadDefault?.(field);
  }
  return call(schema, 'optional');
}

/**
 * Whether a documented default is a value of the field's type, checked on the IR: only then can
 * it be compiled into `.default()` (`"10"` for an integer would not type-check).
 */
export function defaultFits(t: TypeRef, value: JsonValue): boolean {
  switch (t.kind) {
    case 'array':
      return Array.isArray(value) && value.every((v) => defaultFits(t.items, v));
    case 'union':
      return t.variants.some((v) => defaultFits(v, value));
    case 'object':
    case 'map':
    case 'ref':
    case 'unknown':
      // the shape is not checked here, so no compiled default
      return false;
    default:
      return valueFitsType(value, t, new Map());
  }
}
