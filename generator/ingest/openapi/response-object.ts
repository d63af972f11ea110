/** Responses / Response Object (OpenAPI 3.x §4.8.16–17) → IR ResponseInfo of the success response. */
import type { ErrorResponse, ResponseHeader, ResponseInfo } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { followRef } from './component-ref.js';
import { bodyType, exampleOf, pickMediaType } from './media-type-object.js';
import { schemaType } from './schema-object.js';
import { X } from '../../formats/openapi-extensions.js';

/** The success status: the lowest 2xx code, else `2XX`, else none. */
export function successStatus(responses: Record<string, unknown>): string | undefined {
  const codes = Object.keys(responses).filter((c) => /^2\d\d$/.test(c)).sort();
  return codes[0] ?? Object.keys(responses).find((c) => c.toUpperCase() === '2XX');
}

export function responseOf(responses: unknown, opWhere: Where, ctx: SpecContext): ResponseInfo {
  const none: ResponseInfo = { type: { kind: 'unknown' }, source: opWhere.loc };
  if (!isObject(responses)) return none;
  const status = successStatus(responses);
  if (status === undefined) return none;
  const responsesAt = ctx.child(opWhere, 'responses', responses);
  const got = followRef(responses[status], ctx.child(responsesAt, status, responses[status]), ctx);
  if (!got) return none;
  const r = got.value;
  const info: ResponseInfo = { type: { kind: 'unknown' }, source: got.where.loc };
  if (typeof r.description === 'string' && r.description) info.description = r.description;
  if (isObject(r.headers)) {
    // a header's `source` is where the response names it; a `$ref`'d Header Object gives its description
    const headersAt = ctx.child(got.where, 'headers', r.headers);
    const headers: ResponseHeader[] = [];
    for (const [name, value] of Object.entries(r.headers)) {
      const at = ctx.child(headersAt, name, value);
      const header = followRef(value, at, ctx);
      const description = header && typeof header.value.description === 'string' && header.value.description ? header.value.description : undefined;
      headers.push({ name, ...(description ? { description } : {}), source: at.loc });
    }
    if (headers.length > 0) info.headers = headers;
  }
  const m = pickMediaType(r.content);
  if (m) {
    const mediaAt = ctx.child(ctx.child(got.where, 'content', r.content), m.contentType, m.media);
    if (r[X.noContentType] !== true) info.contentType = m.contentType;
    info.type = bodyType(m.contentType, m.media.schema === undefined ? { kind: 'unknown' } : schemaType(m.media.schema, ctx.child(mediaAt, 'schema', m.media.schema), ctx));
    const sample = exampleOf(m.media, mediaAt, ctx);
    if (sample !== undefined) info.sample = sample;
  }
  return info;
}

const ERROR_STATUS = /^([45]\d\d|[45]XX)$/i;

/**
 * The failure responses: 4xx and 5xx codes, their `4XX`/`5XX` ranges, and `default` when a
 * success response is declared too (alone, `default` describes every outcome).
 */
export function errorResponsesOf(responses: unknown, opWhere: Where, ctx: SpecContext): ErrorResponse[] {
  if (!isObject(responses)) return [];
  const responsesAt = ctx.child(opWhere, 'responses', responses);
  const hasSuccess = successStatus(responses) !== undefined;
  const out: ErrorResponse[] = [];
  for (const status of Object.keys(responses)) {
    if (!ERROR_STATUS.test(status) && !(status === 'default' && hasSuccess)) continue;
    const got = followRef(responses[status], ctx.child(responsesAt, status, responses[status]), ctx);
    if (!got) continue;
    const error: ErrorResponse = { status: status.toUpperCase(), type: { kind: 'unknown' }, source: got.where.loc };
    if (status === 'default') error.status = 'default';
    if (typeof got.value.description === 'string' && got.value.description) error.description = got.value.description;
    const m = pickMediaType(got.value.content);
    if (m) {
      error.contentType = m.contentType;
      const mediaAt = ctx.child(ctx.child(got.where, 'content', got.value.content), m.contentType, m.media);
      if (m.media.schema !== undefined) error.type = schemaType(m.media.schema, ctx.child(mediaAt, 'schema', m.media.schema), ctx);
    }
    out.push(error);
  }
  return out;
}
