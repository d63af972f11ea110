// The API's security schemes as one AuthHook: for each request, the first of the operation's
// security requirements whose credentials the caller gave is applied (OpenAPI's "any of").
import { appAuth, genauthSignatureAuth, type AuthenticationClientOptions, type ManagementClientOptions } from './auth.js';
import { SdkError } from './errors.js';
import type { AuthHook, RequestContext, SecurityRequirement } from './types.js';

/** What a credential provider is told: which scheme, which OAuth scopes, for which operation. */
export interface CredentialRequest {
  scheme: string;
  scopes: readonly string[];
  operationId: string;
}

/** A credential, or a function that returns one per request (a token provider: may refresh, may be async). */
export type Secret<T> = T | ((request: CredentialRequest) => T | Promise<T>);

export interface BasicCredentials {
  username: string;
  password: string;
}

/** One security scheme of the API description (OpenAPI Security Scheme Object), as the runtime applies it. */
export type SecuritySchemeSpec =
  /** `Authorization: Bearer <token>`; oauth2 and openIdConnect send their access token this way too. */
  | { type: 'bearer' | 'oauth2' | 'openIdConnect' }
  | { type: 'basic' }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  /** GenAuth's request signature; its credentials are the ManagementClient options. */
  | { type: 'genauthSignature' }
  /** GenAuth's app id and user token headers; its credentials are the AuthenticationClient options. */
  | { type: 'genauthApp' };

async function resolveSecret<T>(secret: Secret<T>, request: CredentialRequest): Promise<T> {
  return typeof secret === 'function' ? await (secret as (r: CredentialRequest) => T | Promise<T>)(request) : secret;
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function addCookie(ctx: RequestContext, name: string, value: string): void {
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  const existing = ctx.headers.get('cookie');
  ctx.headers.set('cookie', existing ? `${existing}; ${pair}` : pair);
}

async function apply(scheme: SecuritySchemeSpec, credential: unknown, request: CredentialRequest, ctx: RequestContext): Promise<void> {
  switch (scheme.type) {
    case 'bearer':
    case 'oauth2':
    case 'openIdConnect': {
      const token = await resolveSecret(credential as Secret<string>, request);
      ctx.headers.set('authorization', `Bearer ${token}`);
      return;
    }
    case 'basic': {
      const { username, password } = await resolveSecret(credential as Secret<BasicCredentials>, request);
      ctx.headers.set('authorization', `Basic ${base64Utf8(`${username}:${password}`)}`);
      return;
    }
    case 'apiKey': {
      const key = await resolveSecret(credential as Secret<string>, request);
      if (scheme.in === 'header') ctx.headers.set(scheme.name, key);
      else if (scheme.in === 'query') ctx.url.searchParams.set(scheme.name, key);
      else addCookie(ctx, scheme.name, key);
      return;
    }
    case 'genauthSignature':
      return genauthSignatureAuth(credential as ManagementClientOptions)(ctx);
    case 'genauthApp':
      return appAuth(credential as AuthenticationClientOptions)(ctx);
  }
}

/**
 * An AuthHook for the API's schemes. `credentials` holds one entry per scheme name (a missing or
 * undefined entry: the caller has none). A requirement is usable when every scheme it names has
 * credentials; `{}` means "no credentials needed". When none is usable, the request goes out as
 * it is (the API answers 401, or the caller's own headers authenticate it).
 */
export function securityAuth(schemes: Readonly<Record<string, SecuritySchemeSpec>>, given: object): AuthHook {
  // an interface of optional members (ApiCredentials) is not assignable to an index signature
  const credentials = given as Readonly<Record<string, unknown>>;
  const has = (name: string): boolean => Object.hasOwn(schemes, name) && Object.hasOwn(credentials, name) && credentials[name] !== undefined;
  return async (ctx) => {
    const usable = ctx.security.find((requirement) => Object.keys(requirement).every(has));
    if (!usable) return;
    for (const [name, listed] of Object.entries(usable)) {
      const scopes = listed ?? [];
      const scheme = schemes[name]!;
      try {
        await apply(scheme, credentials[name], { scheme: name, scopes, operationId: ctx.operationId }, ctx);
      } catch (cause) {
        throw cause instanceof SdkError ? cause : new SdkError(`${ctx.operationId}: the credentials of ${name} could not be obtained`, { cause });
      }
    }
  };
}
