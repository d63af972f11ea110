/** Security Scheme Object and Security Requirement Object (OpenAPI 3.x §4.8.27, §4.8.30) → IR. */
import type { SecurityRequirement, SecurityScheme, SourceLocation } from '../../ir/types.js';
import { isObject } from './context.js';
import { X } from '../../formats/openapi-extensions.js';

/** The extension a profile (or the OpenAPI writer) uses for schemes OpenAPI has no type for. */
export const CUSTOM_SCHEME_TYPES: Readonly<Record<string, SecurityScheme['type']>> = {
  'x-genauth-signature': 'genauthSignature',
  'x-genauth-app': 'genauthApp',
};

/**
 * One scheme, or a reason it cannot be applied by the SDK (http digest, mutualTLS, an unknown
 * type): the caller reports the reason and the requirements naming it stay unsatisfiable.
 */
export function securitySchemeOf(name: string, raw: unknown, source: SourceLocation): { scheme?: SecurityScheme; problem?: string } {
  if (!isObject(raw)) return { problem: `security scheme ${name} is not an object` };
  const type = typeof raw.type === 'string' ? raw.type : '';
  const base = { name, source, ...(typeof raw.description === 'string' && raw.description ? { description: raw.description } : {}) };
  const marked = raw[X.scheme];
  if (marked === 'genauthSignature' || marked === 'genauthApp') return { scheme: { ...base, type: marked } };
  if (type === 'http') {
    const scheme = typeof raw.scheme === 'string' ? raw.scheme.toLowerCase() : '';
    if (scheme === 'bearer') return { scheme: { ...base, type: 'bearer', ...(typeof raw.bearerFormat === 'string' && raw.bearerFormat ? { bearerFormat: raw.bearerFormat } : {}) } };
    if (scheme === 'basic') return { scheme: { ...base, type: 'basic' } };
    return { problem: `security scheme ${name} (http ${String(raw.scheme)}) is not applied by the SDK: only bearer and basic are; pass your own \`auth\` hook` };
  }
  if (type === 'apiKey') {
    if ((raw.in === 'header' || raw.in === 'query' || raw.in === 'cookie') && typeof raw.name === 'string' && raw.name) {
      return { scheme: { ...base, type: 'apiKey', in: raw.in, parameterName: raw.name } };
    }
    return { problem: `security scheme ${name} (apiKey) needs \`in\` (header, query or cookie) and \`name\`` };
  }
  if (type === 'oauth2' || type === 'openIdConnect') return { scheme: { ...base, type } };
  const custom = CUSTOM_SCHEME_TYPES[type];
  if (custom) return { scheme: { ...base, type: custom } };
  return { problem: `security scheme ${name} (type ${JSON.stringify(raw.type)}) is not applied by the SDK; pass your own \`auth\` hook` };
}

/** A `security` list; undefined when it is not one. `[]` stays `[]`: no security. */
export function securityRequirementsOf(raw: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObject).map((r) => ({
    schemes: Object.entries(r).map(([name, scopes]) => ({ name, scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [] })),
  }));
}
