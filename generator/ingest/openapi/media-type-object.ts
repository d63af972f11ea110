import type { BodyEncoding, JsonValue, TypeRef } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { followRef } from './component-ref.js';

/** Text media types: text/*, JSON, XML and their `+json`/`+xml` kin, and form text. */
export function isTextMediaType(contentType: string): boolean {
  return /^text\/|[/+](json|xml)\b|x-www-form-urlencoded/i.test(contentType);
}

/** The encoding a content type implies (RequestBody.encoding). */
export function encodingOf(contentType: string): BodyEncoding {
  const ct = contentType.toLowerCase();
  if (ct === '*/*') return 'any';
  if (ct === 'application/json' || /\+json\b/.test(ct) || ct.endsWith('/json')) return 'json';
  if (ct === 'application/x-www-form-urlencoded') return 'form';
  if (ct.startsWith('multipart/')) return 'multipart';
  if (ct.startsWith('text/')) return 'text';
  return 'binary';
}

const RANK: Record<BodyEncoding, number> = { json: 0, form: 1, multipart: 2, any: 3, binary: 4, text: 5 };

/**
 * The type of a body of `contentType`: a media type that is not text (`image/png`,
 * `application/octet-stream`, `application/pdf`) carries bytes when its schema says no more
 * than "a string" or nothing (OpenAPI 3.1 omits the schema for raw bytes).
 */
export function bodyType(contentType: string, t: TypeRef): TypeRef {
  const ct = contentType.toLowerCase();
  const bytes = !isTextMediaType(ct) && ct !== '*/*' && !ct.startsWith('multipart/');
  if (!bytes || !(t.kind === 'unknown' || (t.kind === 'string' && t.format === undefined && t.constraints === undefined))) return t;
  return ct.includes('*') ? { kind: 'binary' } : { kind: 'binary', mediaType: ct };
}

/** Of a `content` map, the media type an SDK would use: JSON first, then form, multipart, any, binary, text. */
export function pickMediaType(content: unknown): { contentType: string; media: Record<string, unknown> } | undefined {
  if (!isObject(content)) return undefined;
  let best: { contentType: string; media: Record<string, unknown> } | undefined;
  for (const [ct, media] of Object.entries(content)) {
    if (!isObject(media)) continue;
    if (!best || RANK[encodingOf(ct)] < RANK[encodingOf(best.contentType)]) best = { contentType: ct, media };
  }
  return best;
}

/** `example`, else the first of `examples` (Example Objects, `$ref`s followed). */
export function exampleOf(holder: Record<string, unknown>, where: Where, ctx: SpecContext): JsonValue | undefined {
  if ('example' in holder && holder.example !== undefined) return holder.example as JsonValue;
  if (isObject(holder.examples)) {
    const first = Object.entries(holder.examples)[0];
    if (!first) return undefined;
    const ex = followRef(first[1], ctx.child(ctx.child(where, 'examples', holder.examples), first[0], first[1]), ctx);
    if (ex && 'value' in ex.value) return ex.value.value as JsonValue;
  }
  return undefined;
}
