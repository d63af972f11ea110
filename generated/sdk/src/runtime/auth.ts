// GenAuth's two schemes, as AuthHooks (security.ts applies them, and the OpenAPI schemes, per operation).
import { hmacSha1Base64, signatureNonce, stringToSign } from './genauth-signature.js';
import type { AuthHook, ClientOptions, RequestContext } from './types.js';

/** Language of the API's messages (`x-genauth-lang`). */
export type Lang = 'zh-CN' | 'en-US';

export interface ManagementClientOptions extends ClientOptions {
  accessKeyId: string;
  accessKeySecret: string;
  host?: string;
  /** Sent as `x-genauth-app-id`, as the published SDK does for a tenant. */
  tenantId?: string;
  /** Default 'zh-CN', as in the published SDK. */
  lang?: Lang;
}

export interface AuthenticationClientOptions extends ClientOptions {
  appId: string;
  appHost?: string;
  /** The user's access token; read on every request, so it may be replaced after login. */
  accessToken?: string;
  host?: string;
}

/** What the signature covers: GET signs its query params, other verbs the JSON body's top-level fields. */
function signedParams(ctx: RequestContext): Readonly<Record<string, unknown>> {
  if (ctx.method === 'GET') return ctx.query;
  return typeof ctx.json === 'object' && ctx.json !== null ? (ctx.json as Record<string, unknown>) : {};
}

/**
 * Signs each request like the published GenAuth Node SDK's ManagementHttpClient: fresh nonce and
 * date per attempt, HMAC-SHA1 over verb, canonical headers and resource (see genauth-signature.ts),
 * header `Authorization: GenAuth <accessKeyId>:<signature>`.
 */
export function genauthSignatureAuth(opts: { accessKeyId: string; accessKeySecret: string; tenantId?: string; lang?: Lang }): AuthHook {
  return async (ctx) => {
    const h = ctx.headers;
    h.set('x-genauth-signature-nonce', signatureNonce());
    h.set('x-genauth-signature-method', 'HMAC-SHA1');
    h.set('x-genauth-signature-version', '1.0');
    if (opts.tenantId) h.set('x-genauth-app-id', opts.tenantId);
    if (!h.has('x-genauth-lang')) h.set('x-genauth-lang', opts.lang ?? 'zh-CN');
    h.set('date', new Date().toUTCString());
    const text = stringToSign(ctx.method, h, ctx.path, signedParams(ctx));
    const signature = await hmacSha1Base64(opts.accessKeySecret, text);
    h.set('authorization', `GenAuth ${opts.accessKeyId}:${signature}`);
  };
}

/**
 * The authentication client's headers, as the published SDK's AuthenticationHttpClient sends
 * them: `x-genauth-app-id: <appId>` and, when there is one, `authorization: <accessToken>` (the
 * raw token, no "Bearer"). An `authorization` header the caller set for one request is kept.
 */
export function appAuth(opts: { appId: string; accessToken?: string }): AuthHook {
  return (ctx) => {
    ctx.headers.set('x-genauth-app-id', opts.appId);
    const token = opts.accessToken;
    if (token && !ctx.headers.has('authorization')) ctx.headers.set('authorization', token);
  };
}
