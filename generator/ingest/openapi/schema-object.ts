/**
 * Schema Object → TypeRef (OpenAPI 3.0 §4.7.24, 3.1 §4.8.24 / JSON Schema 2020-12).
 * `$ref`s become `ref`s to named types (named-schemas.ts); nullable (3.0) and `type` arrays with
 * "null" (3.1) become unions with `null`; allOf is merged into one object; oneOf/anyOf are unions.
 * Keywords the IR cannot express are reported with their JSON pointer.
 */
import type { Constraints, EnumValue, Field, JsonValue, PatternUnchecked, PrimitiveKind, TypeRef } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { X } from '../../formats/openapi-extensions.js';
import { isTextMediaType } from './media-type-object.js';

type Schema = Record<string, unknown>;

/** Keywords with no IR counterpart that change which values are valid: reported, then dropped. */
const UNMAPPED_KEYWORDS = ['not', 'if', 'then', 'else', 'patternProperties', 'prefixItems', 'dependentSchemas', 'contains', 'propertyNames', '$dynamicRef', 'unevaluatedItems'];

const isNullType = (t: TypeRef): boolean => t.kind === 'null';

/** `t | null`, flattening unions and never adding null twice. */
export function withNull(t: TypeRef): TypeRef {
  if (t.kind === 'null' || t.kind === 'unknown') return t;
  if (t.kind === 'union') return t.variants.some(isNullType) ? t : { ...t, variants: [...t.variants, { kind: 'null' }] };
  return { kind: 'union', variants: [t, { kind: 'null' }] };
}

const unionOf = (variants: TypeRef[]): TypeRef => (variants.length === 1 ? variants[0]! : { kind: 'union', variants });

export function schemaType(schema: unknown, where: Where, ctx: SpecContext): TypeRef {
  if (schema === true) return { kind: 'unknown' };
  if (!isObject(schema)) {
    ctx.report('openapi-schema-keyword-unmapped', `schema is ${JSON.stringify(schema)}, not an object; read as unknown`, where);
    return { kind: 'unknown' };
  }
  if (typeof schema[X.unresolvedRef] === 'string') return { kind: 'ref', name: schema[X.unresolvedRef] as string };
  const t = typeof schema.$ref === 'string' ? ctx.types.refType(schema.$ref, where) : baseType(schema, where, ctx);
  return schema.nullable === true ? withNull(t) : t;
}

function baseType(s: Schema, where: Where, ctx: SpecContext): TypeRef {
  for (const k of UNMAPPED_KEYWORDS) if (k in s) ctx.report('openapi-schema-keyword-unmapped', `schema keyword ${k} is not mapped`, ctx.child(where, k, s[k]));
  if ('const' in s) return constType(s.const, where, ctx);
  if (Array.isArray(s.enum)) return enumType(s, where, ctx);
  if (Array.isArray(s.allOf)) return allOfType(s, where, ctx);
  const choice = Array.isArray(s.oneOf) ? 'oneOf' : Array.isArray(s.anyOf) ? 'anyOf' : undefined;
  if (choice) return unionType(s, choice, where, ctx);
  if ('discriminator' in s) ctx.report('openapi-discriminator-dropped', 'discriminator without oneOf/anyOf is not mapped', ctx.child(where, 'discriminator', s.discriminator));
  const types = Array.isArray(s.type) ? s.type.filter((x): x is string => typeof x === 'string') : typeof s.type === 'string' ? [s.type] : inferTypes(s);
  if (types.length === 0) {
    ctx.report('openapi-schema-untyped', 'schema has no type; read as unknown', where);
    return { kind: 'unknown' };
  }
  return unionOf(types.map((t) => singleType(t, s, where, ctx)));
}

function inferTypes(s: Schema): string[] {
  if ('properties' in s || 'additionalProperties' in s) return ['object'];
  if ('items' in s) return ['array'];
  return [];
}

function singleType(type: string, s: Schema, where: Where, ctx: SpecContext): TypeRef {
  const format = typeof s.format === 'string' ? s.format : undefined;
  switch (type) {
    case 'string':
    case 'number':
    case 'integer': {
      if (type === 'string' && isBinaryString(s)) return typeof s.contentMediaType === 'string' ? { kind: 'binary', mediaType: s.contentMediaType } : { kind: 'binary' };
      const t: Extract<TypeRef, { kind: 'string' | 'number' | 'integer' }> = format ? { kind: type, format } : { kind: type };
      const constraints = constraintsOf(s, type === 'string' ? STRING_KEYWORDS : NUMBER_KEYWORDS, where, ctx);
      return constraints ? { ...t, constraints } : t;
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'null':
      return { kind: 'null' };
    case 'array': {
      const t: Extract<TypeRef, { kind: 'array' }> = { kind: 'array', items: 'items' in s ? schemaType(s.items, ctx.child(where, 'items', s.items), ctx) : { kind: 'unknown' } };
      const constraints = constraintsOf(s, ARRAY_KEYWORDS, where, ctx);
      return constraints ? { ...t, constraints } : t;
    }
    case 'object':
      return objectType(s, where, ctx);
    default:
      ctx.report('openapi-schema-keyword-unmapped', `type ${type} is not a JSON Schema type; read as unknown`, where);
      return { kind: 'unknown' };
  }
}

/**
 * A string schema that holds bytes: `format: binary` (3.0), or a `contentMediaType` that is not
 * text without a `contentEncoding` (3.1: `image/png` is the bytes themselves; with
 * `contentEncoding: base64`, or a text type such as `application/json`, it is a string).
 */
function isBinaryString(s: Schema): boolean {
  if (s.format === 'binary') return true;
  return typeof s.contentMediaType === 'string' && s.contentEncoding === undefined && !isTextMediaType(s.contentMediaType);
}

const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern'] as const;
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const;
const ARRAY_KEYWORDS = ['minItems', 'maxItems', 'uniqueItems'] as const;
type ConstraintKeyword = (typeof STRING_KEYWORDS | typeof NUMBER_KEYWORDS | typeof ARRAY_KEYWORDS)[number];

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The validation keywords of a string, number or array schema. OpenAPI 3.0 writes an exclusive
 * bound as `exclusiveMinimum: true` next to `minimum`, 3.1 as a number; both become a number.
 * A value of the wrong kind is reported and dropped; a pattern that may not be checked is kept
 * (it is documented) with the reason (patterns.ts), and reported.
 */
function constraintsOf(s: Schema, keywords: readonly ConstraintKeyword[], where: Where, ctx: SpecContext): Constraints | undefined {
  const out: Omit<Constraints, 'source'> = {};
  const bad = (k: string, why: string): void => ctx.report('openapi-constraint-invalid', `${k}: ${JSON.stringify(s[k])} ${why}; dropped`, ctx.child(where, k, s[k]));
  for (const k of keywords) {
    if (!(k in s) || s[k] === undefined) continue;
    const v = s[k];
    switch (k) {
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
        if (isCount(v)) out[k] = v;
        else bad(k, 'is not a non-negative integer');
        break;
      case 'multipleOf':
        if (isFiniteNumber(v) && v > 0) out[k] = v;
        else bad(k, 'is not a number above 0');
        break;
      case 'minimum':
      case 'maximum': {
        if (!isFiniteNumber(v)) {
          bad(k, 'is not a number');
          break;
        }
        const exclusive = k === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
        if (s[exclusive] === true) out[exclusive] = v;
        else out[k] = v;
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (isFiniteNumber(v)) out[k] = out[k] === undefined ? v : k === 'exclusiveMinimum' ? Math.max(out[k], v) : Math.min(out[k], v);
        else if (typeof v !== 'boolean') bad(k, 'is not a number or a boolean');
        else if (v && s[k === 'exclusiveMinimum' ? 'minimum' : 'maximum'] === undefined) bad(k, `is true without ${k === 'exclusiveMinimum' ? 'minimum' : 'maximum'}`);
        break;
      case 'uniqueItems':
        if (v === true) out.uniqueItems = true;
        else if (v !== false) bad(k, 'is not a boolean');
        break;
      case 'pattern': {
        if (typeof v !== 'string') {
          bad(k, 'is not a string');
          break;
        }
        out.pattern = v;
        const why = ctx.patterns.uncheckedReason(v);
        if (why) {
          out.patternUnchecked = why;
          ctx.report('openapi-pattern-unchecked', `pattern ${JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v)} is documented but not checked: ${PATTERN_REASONS[why]}`, ctx.child(where, k, v));
        }
        break;
      }
    }
  }
  return Object.keys(out).length > 0 ? { ...out, source: where.loc } : undefined;
}

const PATTERN_REASONS: Record<PatternUnchecked, string> = {
  invalid: 'it is not a valid ECMAScript regular expression',
  backtracking: 'it could backtrack catastrophically (a hostile string could hang validation)',
  budget: 'it is too long, or the spec has more patterns than sdkforge analyses',
};

/**
 * Object: `properties` → fields; `additionalProperties: true` → open; a schema as
 * `additionalProperties` with no properties → map. No `properties` key at all → any object.
 */
function objectType(s: Schema, where: Where, ctx: SpecContext): TypeRef {
  const ap = s.additionalProperties;
  const hasProps = isObject(s.properties);
  if (!hasProps && isObject(ap)) return { kind: 'map', values: schemaType(ap, ctx.child(where, 'additionalProperties', ap), ctx) };
  const fields = hasProps ? objectFields(s, where, ctx) : [];
  if (isObject(ap) && Object.keys(ap).length > 0) {
    ctx.report('openapi-schema-keyword-unmapped', 'additionalProperties next to properties is read as an open object (extra values untyped)', ctx.child(where, 'additionalProperties', ap));
  }
  const open = ap === true || isObject(ap) || (!hasProps && ap === undefined);
  return open ? { kind: 'object', fields, open: true } : { kind: 'object', fields };
}

/** The facts a schema gives about the field (property or parameter) it types. */
export function fieldFacts(s: unknown): Pick<Field, 'default' | 'description' | 'example' | 'deprecated' | 'readOnly' | 'writeOnly'> {
  const out: Pick<Field, 'default' | 'description' | 'example' | 'deprecated' | 'readOnly' | 'writeOnly'> = {};
  if (!isObject(s)) return out;
  if (typeof s.description === 'string' && s.description) out.description = s.description;
  if ('default' in s && s.default !== undefined) out.default = s.default as JsonValue;
  if ('example' in s && s.example !== undefined) out.example = s.example as JsonValue;
  else if (Array.isArray(s.examples) && s.examples.length > 0) out.example = s.examples[0] as JsonValue;
  if (s.deprecated === true) out.deprecated = true;
  if (s.readOnly === true) out.readOnly = true;
  if (s.writeOnly === true) out.writeOnly = true;
  return out;
}

export function objectFields(s: Schema, where: Where, ctx: SpecContext): Field[] {
  const props = s.properties as Schema;
  const propsWhere = ctx.child(where, 'properties', props);
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(props).map(([name, p]) => {
    const at = ctx.child(propsWhere, name, p);
    return { name, type: schemaType(p, at, ctx), required: required.has(name), ...fieldFacts(p), source: at.loc };
  });
}

function constType(value: unknown, where: Where, ctx: SpecContext): TypeRef {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', value };
  ctx.report('openapi-schema-keyword-unmapped', 'const with an object or array value is read as unknown', where);
  return { kind: 'unknown' };
}

/** Descriptions of enum values from `x-enum-descriptions` (array) or `x-enumDescriptions` (array or map). */
function enumDescriptions(s: Schema, values: unknown[]): (string | undefined)[] {
  const d = s['x-enum-descriptions'] ?? s['x-enumDescriptions'];
  return values.map((v, i) => {
    const got = Array.isArray(d) ? d[i] : isObject(d) ? d[String(v)] : undefined;
    return typeof got === 'string' && got ? got : undefined;
  });
}

function enumType(s: Schema, where: Where, ctx: SpecContext): TypeRef {
  const raw = s.enum as unknown[];
  const at = ctx.child(where, 'enum', raw);
  const descriptions = enumDescriptions(s, raw);
  const values: EnumValue[] = [];
  let nullable = false;
  raw.forEach((v, i) => {
    if (v === null) nullable = true;
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const ev: EnumValue = { value: v, source: at.loc };
      const d = descriptions[i];
      if (d) ev.description = d;
      values.push(ev);
    } else ctx.report('openapi-schema-keyword-unmapped', `enum value ${JSON.stringify(v)} is not a primitive; dropped`, at);
  });
  if (values.length === 0) {
    if (!nullable) ctx.report('openapi-schema-keyword-unmapped', 'enum has no usable value; read as unknown', at);
    return nullable ? { kind: 'null' } : { kind: 'unknown' };
  }
  const kinds = new Set(values.map((v) => typeof v.value));
  let t: TypeRef;
  if (kinds.size > 1) t = { kind: 'union', variants: values.map((v) => ({ kind: 'literal', value: v.value })) };
  else {
    const only = [...kinds][0];
    const declared = Array.isArray(s.type) ? s.type : [s.type];
    const base: PrimitiveKind = only === 'string' ? 'string' : only === 'boolean' ? 'boolean' : declared.includes('integer') ? 'integer' : 'number';
    t = { kind: 'enum', base, values };
  }
  return nullable || (Array.isArray(s.type) && s.type.includes('null')) ? withNull(t) : t;
}

function unionType(s: Schema, choice: 'oneOf' | 'anyOf', where: Where, ctx: SpecContext): TypeRef {
  const list = s[choice] as unknown[];
  const listWhere = ctx.child(where, choice, list);
  if (isObject(s.properties)) ctx.report('openapi-schema-keyword-unmapped', `properties next to ${choice} are not mapped (the union is used)`, ctx.child(where, 'properties', s.properties));
  const variants: TypeRef[] = [];
  for (const [i, v] of list.entries()) {
    const t = schemaType(v, ctx.child(listWhere, i, v), ctx);
    for (const x of t.kind === 'union' && !t.discriminator ? t.variants : [t]) if (!(x.kind === 'null' && variants.some(isNullType))) variants.push(x);
  }
  if (variants.length === 0) return { kind: 'unknown' };
  const t = unionOf(variants);
  if (!isObject(s.discriminator)) return t;
  return withDiscriminator(t, s.discriminator, list, ctx.child(where, 'discriminator', s.discriminator), ctx);
}

/** Discriminator Object → Discriminator: explicit mapping, else each `$ref` variant's schema name. */
function withDiscriminator(t: TypeRef, d: Schema, list: unknown[], where: Where, ctx: SpecContext): TypeRef {
  const property = d.propertyName;
  const refs = list.filter((v) => !(isObject(v) && v.type === 'null')).map((v) => (isObject(v) && typeof v.$ref === 'string' ? v.$ref : undefined));
  if (typeof property !== 'string' || t.kind !== 'union' || refs.some((r) => r === undefined)) {
    ctx.report('openapi-discriminator-dropped', 'discriminator needs every variant to be a $ref to a named schema; the union is kept without it', where);
    return t;
  }
  const mapping: { value: string; type: string }[] = [];
  if (isObject(d.mapping)) {
    for (const [value, ref] of Object.entries(d.mapping)) {
      if (typeof ref !== 'string') continue;
      // a mapping value may be a bare schema name instead of a $ref
      const e = ctx.types.entryFor(ref.includes('#') || ref.includes('/') ? ref : `#/components/schemas/${ref}`, where);
      if (e) mapping.push({ value, type: e.name });
    }
  } else {
    for (const ref of refs) {
      const e = ctx.types.entryFor(ref!, where);
      if (e) mapping.push({ value: e.specName, type: e.name });
    }
  }
  return { ...t, discriminator: { property, mapping } };
}

/**
 * allOf → one object: the fields of every member (refs followed, nested allOf flattened) and of
 * the schema itself, later ones overriding earlier ones, required when any member requires them.
 * A single member with nothing beside it stays what it is (a `ref` keeps its name).
 */
function allOfType(s: Schema, where: Where, ctx: SpecContext): TypeRef {
  const members = s.allOf as unknown[];
  const listWhere = ctx.child(where, 'allOf', members);
  const extra = Object.keys(s).filter((k) => !['allOf', 'description', 'title', 'nullable', 'deprecated', 'readOnly', 'writeOnly', 'default', 'example', 'examples', 'type', 'discriminator'].includes(k) && !k.startsWith('x-'));
  if (members.length === 1 && extra.length === 0) return schemaType(members[0], ctx.child(listWhere, 0, members[0]), ctx);
  const scalar = allOfScalar(s, members, where, ctx);
  if (scalar) return scalar;
  const fields = new Map<string, Field>();
  const required = new Set<string>();
  let open = false;
  const seen = new Set<unknown>();
  const collect = (m: unknown, at: Where): void => {
    if (!isObject(m) || seen.has(m)) return;
    seen.add(m);
    if (typeof m.$ref === 'string') {
      const target = ctx.refs.resolve(m.$ref, at.file);
      if (!target) return void ctx.report('openapi-ref-unresolved', `$ref ${m.$ref} does not resolve`, at);
      return collect(target.value, ctx.at(target.file, target.pointer, target.value, at.loc));
    }
    if (Array.isArray(m.allOf)) {
      const w = ctx.child(at, 'allOf', m.allOf);
      m.allOf.forEach((x, i) => collect(x, ctx.child(w, i, x)));
    }
    if (Array.isArray(m.required)) for (const r of m.required) if (typeof r === 'string') required.add(r);
    if (isObject(m.properties)) for (const f of objectFields(m, at, ctx)) fields.set(f.name, f);
    if (m.additionalProperties === true || isObject(m.additionalProperties)) open = true;
    const nonObject = Array.isArray(m.oneOf) || Array.isArray(m.anyOf) || (typeof m.type === 'string' && m.type !== 'object');
    if (nonObject) ctx.report('openapi-schema-keyword-unmapped', 'allOf member is not an object schema; only object members are merged', at);
  };
  members.forEach((m, i) => collect(m, ctx.child(listWhere, i, m)));
  collect({ properties: s.properties, required: s.required, additionalProperties: s.additionalProperties }, where);
  const merged = [...fields.values()].map((f) => (required.has(f.name) ? { ...f, required: true } : f));
  return open ? { kind: 'object', fields: merged, open: true } : { kind: 'object', fields: merged };
}

/**
 * allOf of non-object members (`[{type: string}, {minLength: 1}]`): the members' keywords merged
 * into one schema, read as one type. Undefined when any member is (or may be) an object.
 */
function allOfScalar(s: Schema, members: unknown[], where: Where, ctx: SpecContext): TypeRef | undefined {
  const resolved: Schema[] = [];
  for (const m of members) {
    let cur = m;
    for (let hops = 0; isObject(cur) && typeof cur.$ref === 'string' && hops < 16; hops++) cur = ctx.refs.resolve(cur.$ref, where.file)?.value;
    if (!isObject(cur) || typeof cur.$ref === 'string') return undefined;
    const objectish = 'properties' in cur || 'additionalProperties' in cur || 'allOf' in cur || 'oneOf' in cur || 'anyOf' in cur || cur.type === 'object';
    if (objectish) return undefined;
    resolved.push(cur);
  }
  const { allOf: _drop, ...own } = s;
  return schemaType(Object.assign({}, ...resolved, own), where, ctx);
}
