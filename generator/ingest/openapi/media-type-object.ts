import type { BodyEncoding, JsonValue } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { followRef } from './component-ref.js';

/** The encoding a content type implies (RequestBody.encoding). */
export function encodingOf(contentType: string): BodyEncoding {
  const ct = contentType.toLowerCase();
  if (ct === 'application/json' || /\+json\b/.test(ct) || ct === '*/*' || ct.endsWith('/json')) return 'json';
  if (ct === 'application/x-www-form-urlencoded') return 'form';
  if (ct.startsWith('multipart/')) return 'multipart';
  if (ct.startsWith('text/')) return 'text';
  return 'binary';
}

const RANK: Record<BodyEncoding, number> = { json: 0, form: 1, multipart: 2, binary: 3, text: 4 };

/** Of a `content` map, the media type an SDK would use: JSON first, then form, multipart, binary, text. */
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
