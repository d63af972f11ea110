// What the SDK does not take from a server: redirects elsewhere, bodies without end, a success
// without the body the operation returns. Each is a typed SdkError, never a platform error.
import { RedirectError, ResponseTooLargeError, UnexpectedResponseError } from './errors.js';
import type { Validator } from './types.js';

/** Default cap of a response body: large enough for any JSON answer, small enough to stay in memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Redirects followed in one attempt before RedirectError. */
export const MAX_REDIRECTS = 5;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The response with its body cut off at `max` bytes: a `Content-Length` over it fails at once,
 * a body that grows past it fails as soon as it does (the rest is never downloaded).
 */
export function capBody(response: Response, max: number, operationId: string): Response {
  if (max <= 0 || response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
  const tooLarge = (): ResponseTooLargeError => new ResponseTooLargeError(`${operationId}: the response body is larger than ${max} bytes (maxResponseBytes)`, max);
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) {
    void response.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = response.body.getReader();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > max) {
        void reader.cancel().catch(() => undefined);
        controller.error(tooLarge());
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export interface RedirectStep {
  url: URL;
  method: string;
  /** Whether the body is sent again (307/308 keep it; 301/302 after POST and 303 do not). */
  keepBody: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect response leads, or undefined when the response is not a redirect. Throws
 * RedirectError for one the SDK does not follow: another origin (the body and the signing
 * headers would go to a host the caller never named), any redirect with `policy: 'none'`, one
 * the platform hides (a browser's opaque redirect), or too many.
 */
export function redirectStep(response: Response, from: URL, method: string, policy: 'same-origin' | 'none', hops: number, operationId: string): RedirectStep | undefined {
  if (response.type === 'opaqueredirect') throw new RedirectError(`${operationId}: the server redirected the call and the platform hides where to`, response.status, '');
  if (!REDIRECTS.has(response.status)) return undefined;
  const location = response.headers.get('location');
  if (location === null) return undefined;
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    throw new RedirectError(`${operationId}: HTTP ${response.status} redirects to an invalid URL`, response.status, location);
  }
  if (policy === 'none') throw new RedirectError(`${operationId}: HTTP ${response.status} redirects to ${url.href}; redirects are off`, response.status, location);
  if (url.origin !== from.origin) {
    throw new RedirectError(`${operationId}: HTTP ${response.status} redirects to another origin (${url.origin}); not followed, so the request and its credentials stay with ${from.origin}`, response.status, location);
  }
  if (hops >= MAX_REDIRECTS) throw new RedirectError(`${operationId}: more than ${MAX_REDIRECTS} redirects`, response.status, location);
  const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST');
  return { url, method: toGet && method !== 'HEAD' ? 'GET' : method, keepBody: !toGet };
}

/**
 * A 2xx of an operation that returns a typed body must carry it: an empty body, or text or bytes
 * (an HTML page from a proxy or a login wall) that the operation's type does not accept, is an
 * UnexpectedResponseError instead of a value typed as the DTO. JSON bodies are checked only when
 * the caller asks for response validation.
 */
export function checkSuccessBody(response: Response, payload: unknown, operationId: string, schema: Validator | undefined): void {
  if (schema === undefined || NULL_BODY_STATUSES.has(response.status)) return;
  if (payload !== undefined && typeof payload !== 'string' && !(payload instanceof Uint8Array)) return;
  if (schema.safeParse(payload).success) return;
  const contentType = response.headers.get('content-type') ?? '';
  const what = payload === undefined ? 'an empty body' : `${contentType || 'a body without a content type'}, not JSON`;
  throw new UnexpectedResponseError(`${operationId}: HTTP ${response.status} came with ${what}; a result was expected`, response.status, contentType, payload);
}
