/** IR servers, security schemes and requirements → their OpenAPI 3.1 objects. */
import type { SecurityRequirement, SecurityScheme, Server } from '../../ir/types.js';
import { X } from '../../formats/openapi-extensions.js';
import type { Schema } from './schema-object.js';

export function serverObject(s: Server): Schema {
  const out: Schema = { url: s.url };
  if (s.description) out.description = s.description;
  if (s.variables && s.variables.length > 0) {
    out.variables = Object.fromEntries(
      s.variables.map((v) => [v.name, { default: v.default, ...(v.enum ? { enum: v.enum } : {}), ...(v.description ? { description: v.description } : {}) }]),
    );
  }
  return out;
}

export const securityObject = (list: readonly SecurityRequirement[]): Schema[] => list.map((r) => Object.fromEntries(r.schemes.map((s) => [s.name, s.scopes])));

/**
 * A Security Scheme Object. GenAuth's schemes have no OpenAPI type: they are written as what
 * they send (an `Authorization: GenAuth …` http scheme, an `x-genauth-app-id` header key) and
 * marked, so reading the document back gives the same scheme.
 */
export function securitySchemeObject(s: SecurityScheme): Schema {
  const description = s.description ? { description: s.description } : {};
  switch (s.type) {
    case 'bearer':
      return { type: 'http', scheme: 'bearer', ...(s.bearerFormat ? { bearerFormat: s.bearerFormat } : {}), ...description };
    case 'basic':
      return { type: 'http', scheme: 'basic', ...description };
    case 'apiKey':
      return { type: 'apiKey', in: s.in ?? 'header', name: s.parameterName ?? s.name, ...description };
    case 'oauth2':
      // the flows are not in the IR (the SDK sends a token the caller obtained); an empty one keeps the document valid
      return { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/', scopes: {} } }, ...description };
    case 'openIdConnect':
      return { type: 'openIdConnect', openIdConnectUrl: '/', ...description };
    case 'genauthSignature':
      return { type: 'http', scheme: 'GenAuth', [X.scheme]: s.type, ...description };
    case 'genauthApp':
      return { type: 'apiKey', in: 'header', name: 'x-genauth-app-id', [X.scheme]: s.type, ...description };
  }
}
