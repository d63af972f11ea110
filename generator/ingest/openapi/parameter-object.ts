/** Parameter Object (OpenAPI 3.x §4.8.12) → IR Parameter. */
import type { Parameter, ParameterLocation, ParameterStyle, Serialization } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { followRef } from './component-ref.js';
import { exampleOf, pickMediaType } from './media-type-object.js';
import { fieldFacts, schemaType } from './schema-object.js';

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'];

export function parameterOf(raw: unknown, where: Where, ctx: SpecContext): Parameter | undefined {
  const got = followRef(raw, where, ctx);
  if (!got) return undefined;
  const p = got.value;
  const at = got.where;
  if (typeof p.name !== 'string' || typeof p.in !== 'string' || !LOCATIONS.includes(p.in)) {
    ctx.report('openapi-parameter-skipped', `parameter without a name or with in: ${String(p.in)} is skipped`, at);
    return undefined;
  }
  // a parameter is typed by `schema`, or by `content` (one media type holding the schema)
  let schema = p.schema;
  let schemaAt = ctx.child(at, 'schema', schema);
  let contentType: string | undefined;
  if (schema === undefined && isObject(p.content)) {
    const m = pickMediaType(p.content);
    if (m) {
      schema = m.media.schema;
      schemaAt = ctx.child(ctx.child(ctx.child(at, 'content', p.content), m.contentType, m.media), 'schema', schema);
      contentType = m.contentType;
    }
  }
  const facts = fieldFacts(schema);
  const param: Parameter = {
    name: p.name,
    in: p.in as ParameterLocation,
    type: schema === undefined ? { kind: 'string' } : schemaType(schema, schemaAt, ctx),
    required: p.in === 'path' || p.required === true,
    source: at.loc,
  };
  if (contentType !== undefined) param.contentType = contentType;
  else Object.assign(param, serializationOf(p, STYLES_BY_LOCATION[p.in]!, at, ctx));
  if (facts.default !== undefined) param.default = facts.default;
  const description = typeof p.description === 'string' && p.description ? p.description : facts.description;
  if (description) param.description = description;
  const example = exampleOf(p, at, ctx) ?? facts.example;
  if (example !== undefined) param.example = example;
  if (p.deprecated === true || facts.deprecated) param.deprecated = true;
  if (facts.readOnly) param.readOnly = true;
  if (facts.writeOnly) param.writeOnly = true;
  return param;
}

/** The styles OpenAPI defines for each location (§4.8.12.4, Style Values). */
const STYLES_BY_LOCATION: Record<string, readonly ParameterStyle[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

/** `style`, `explode` and `allowReserved` as written; a style the location does not allow is reported and dropped. */
export function serializationOf(o: Record<string, unknown>, allowed: readonly ParameterStyle[], at: Where, ctx: SpecContext): Serialization {
  const out: Serialization = {};
  if (o.style !== undefined) {
    if (typeof o.style === 'string' && (allowed as readonly string[]).includes(o.style)) out.style = o.style as ParameterStyle;
    else ctx.report('openapi-style-invalid', `style ${JSON.stringify(o.style)} is not one of ${allowed.join(', ')} here; the default is used`, ctx.child(at, 'style', o.style));
  }
  if (typeof o.explode === 'boolean') out.explode = o.explode;
  if (o.allowReserved === true) out.allowReserved = true;
  return out;
}

/**
 * Path-level parameters merged with the operation's: the operation's win by name + location
 * (§4.8.10, "parameters"). Order: path-level first, as written.
 */
export function operationParameters(pathItem: Record<string, unknown>, op: Record<string, unknown>, pathWhere: Where, opWhere: Where, ctx: SpecContext): Parameter[] {
  const read = (list: unknown, at: Where): Parameter[] =>
    Array.isArray(list) ? list.flatMap((x, i) => parameterOf(x, ctx.child(ctx.child(at, 'parameters', list), i, x), ctx) ?? []) : [];
  const own = read(op.parameters, opWhere);
  const key = (p: Parameter): string => `${p.in}\u0000${p.name}`;
  const ownKeys = new Set(own.map(key));
  return [...read(pathItem.parameters, pathWhere).filter((p) => !ownKeys.has(key(p))), ...own];
}
