/** Request Body Object (OpenAPI 3.x §4.8.13) → IR RequestBody; the encoding follows the media type. */
import type { RequestBody } from '../../ir/types.js';
import type { SpecContext, Where } from './context.js';
import { followRef } from './component-ref.js';
import { encodingOf, pickMediaType } from './media-type-object.js';
import { schemaType } from './schema-object.js';

export function requestBodyOf(raw: unknown, where: Where, ctx: SpecContext): RequestBody | undefined {
  const got = followRef(raw, where, ctx);
  if (!got) return undefined;
  const b = got.value;
  const m = pickMediaType(b.content);
  if (!m) return undefined;
  const mediaAt = ctx.child(ctx.child(got.where, 'content', b.content), m.contentType, m.media);
  const body: RequestBody = {
    type: m.media.schema === undefined ? { kind: 'unknown' } : schemaType(m.media.schema, ctx.child(mediaAt, 'schema', m.media.schema), ctx),
    required: b.required === true,
    encoding: encodingOf(m.contentType),
    contentType: m.contentType,
    source: got.where.loc,
  };
  if (typeof b.description === 'string' && b.description) body.description = b.description;
  return body;
}
