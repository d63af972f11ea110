// Reading a response body, recognising a response envelope (`{statusCode, message, apiCode, requestId, data}`), ApiError.
import { ApiError, SdkError } from './errors.js';
import type { EnvelopeSpec } from './types.js';

/** `application/json`, `application/problem+json`, ... */
function isJsonType(contentType: string): boolean {
  return /[/+]json\b/i.test(contentType);
}

function isTextType(contentType: string): boolean {
  return contentType === '' || /^text\/|[/+]xml\b|x-www-form-urlencoded/i.test(contentType);
}

/**
 * The body as JSON (json content types), text (text types, or no content type), or bytes
 * (anything else). Empty bodies are undefined. A 2xx that promises JSON and breaks it throws.
 * An operation whose success response is bytes gets a Blob (with the response's media type).
 */
export async function readPayload(response: Response, operationId: string, binary = false): Promise<unknown> {
  if (response.status === 204 || response.status === 205 || response.status === 304) return undefined;
  if (binary && response.ok) return response.blob();
  const contentType = response.headers.get('content-type') ?? '';
  if (!isJsonType(contentType) && !isTextType(contentType)) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength === 0 ? undefined : bytes;
  }
  const text = await response.text();
  if (text === '') return undefined;
  if (!isJsonType(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    if (!response.ok) return text; // the status already says what went wrong
    throw new SdkError(`${operationId}: HTTP ${response.status} response is not valid JSON`, { cause });
  }
}

export interface Envelope {
  statusCode: number;
  message?: string;
  apiCode?: number;
  requestId?: string;
}

function field<T extends 'string' | 'number'>(body: object, name: string, type: T): (T extends 'string' ? string : number) | undefined {
  const value = (body as Record<string, unknown>)[name];
  return typeof value === type ? (value as T extends 'string' ? string : number) : undefined;
}

/** The envelope's fields, when the payload is an object whose status field is a number. */
export function readEnvelope(payload: unknown, spec: EnvelopeSpec): Envelope | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const statusCode = field(payload, spec.status, 'number');
  if (statusCode === undefined) return undefined;
  const envelope: Envelope = { statusCode };
  const message = spec.message === undefined ? undefined : field(payload, spec.message, 'string');
  const apiCode = spec.code === undefined ? undefined : field(payload, spec.code, 'number');
  const requestId = spec.requestId === undefined ? undefined : field(payload, spec.requestId, 'string');
  if (message !== undefined) envelope.message = message;
  if (apiCode !== undefined) envelope.apiCode = apiCode;
  if (requestId !== undefined) envelope.requestId = requestId;
  return envelope;
}

/**
 * A message for bodies without an envelope: `message`, OAuth's `error_description`/`error`, an
 * `error` object's `message` (Stripe's `{ error: { message } }`), or the text.
 */
function looseMessage(payload: unknown): string | undefined {
  if (typeof payload === 'string') return payload.slice(0, 500);
  if (typeof payload !== 'object' || payload === null) return undefined;
  const nested = (payload as Record<string, unknown>)['error'];
  const inner = typeof nested === 'object' && nested !== null ? field(nested, 'message', 'string') : undefined;
  return field(payload, 'message', 'string') ?? field(payload, 'error_description', 'string') ?? field(payload, 'error', 'string') ?? inner;
}

/** The ApiError of a failed response; with an envelope, its fields fill the error's. */
export function apiErrorFrom(operationId: string, response: Response, payload: unknown, spec?: EnvelopeSpec): ApiError {
  const envelope = spec ? readEnvelope(payload, spec) : undefined;
  const requestId = envelope?.requestId ?? response.headers.get('x-request-id') ?? undefined;
  return new ApiError({
    operationId,
    status: response.status,
    body: payload,
    ...(envelope ? { statusCode: envelope.statusCode } : {}),
    ...(envelope?.apiCode !== undefined ? { apiCode: envelope.apiCode } : {}),
    message: envelope?.message ?? looseMessage(payload) ?? (response.statusText || `HTTP ${response.status}`),
    ...(requestId !== undefined ? { requestId } : {}),
  });
}
