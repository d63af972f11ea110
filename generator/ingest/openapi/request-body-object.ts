/** Request Body Object (OpenAPI 3.x §4.8.13) → IR RequestBody; the encoding follows the media type. */
import type { ParameterStyle, PropertyEncoding, RequestBody } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { serializationOf } from './parameter-object.js';
import { followRef } from './component-ref.js';
import { bodyType, encodingOf, pickMediaType } from './media-type-object.js';
import { schemaType } from './schema-object.js';

export function requestBodyOf(raw: unknown, where: Where, ctx: SpecContext): RequestBody | undefined {
  const got = followRef(raw, where, ctx);
  if (!got) return undefined;
  const b = got.value;
  const m = pickMediaType(b.content);
  if (!m) return undefined;
  const mediaAt = ctx.child(ctx.child(got.where, 'content', b.content), m.contentType, m.media);
  const body: RequestBody = {
    type: bodyType(m.contentType, m.media.schema === undefined ? { kind: 'unknown' } : schemaType(m.media.schema, ctx.child(mediaAt, 'schema', m.media.schema), ctx)),
    required: b.required === true,
    encoding: encodingOf(m.contentType),
    contentType: m.contentType,
    source: got.where.loc,
  };
  if (typeof b.description === 'string' && b.description) body.description = b.description;
  const properties = propertyEncodings(m.media.encoding, ctx.child(mediaAt, 'encoding', m.media.encoding), ctx);
  if (properties.length > 0) body.properties = properties;
  return body;
}

/** The styles a form body's property may have (the query styles, §4.8.15 Encoding Object). */
const FORM_STYLES: readonly ParameterStyle[] = ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'];

/** A Media Type's `encoding` map → one PropertyEncoding per property, in the spec's order. */
function propertyEncodings(raw: unknown, at: Where, ctx: SpecContext): PropertyEncoding[] {
  if (!isObject(raw)) return [];
  const out: PropertyEncoding[] = [];
  for (const [property, e] of Object.entries(raw)) {
    if (!isObject(e)) continue;
    const where = ctx.child(at, property, e);
    const enc: PropertyEncoding = { property, ...serializationOf(e, FORM_STYLES, where, ctx), source: where.loc };
    if (typeof e.contentType === 'string' && e.contentType) enc.contentType = e.contentType;
    if (Object.keys(enc).length > 2) out.push(enc);
  }
  return out;
}
