/**
 * A docs family's profile (sdkforge.config.json `profile`) → facts of the IR that its pages do
 * not state: default servers, security schemes and which client uses them, the response
 * envelope. What an input states (a spec's servers and security) wins. Each fact's source is
 * the place in the config file that states it.
 */
import type { Config, Profile } from '../config.js';
import { CONFIG_FILE } from '../config.js';
import { diagnostic } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Api, Field, SecurityRequirement, Server, SourceLocation } from '../ir/types.js';
import { securitySchemeOf } from './openapi/security-scheme-object.js';

export interface LocatedProfile {
  profile: Profile;
  locations?: Config['locations'];
}

const requirements = (list: Record<string, string[]>[]): SecurityRequirement[] =>
  list.map((r) => ({ schemes: Object.entries(r).map(([name, scopes]) => ({ name, scopes: [...scopes] })) }));

export function applyProfile(api: Api, { profile, locations = {} }: LocatedProfile): { api: Api; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (path: string): SourceLocation => locations[path] ?? { file: CONFIG_FILE, line: 1, column: 1 };
  const out: Api = { ...api, clients: api.clients.map((c) => ({ ...c })) };

  if (profile.servers && profile.servers.length > 0) {
    if (out.servers) diagnostics.push(diagnostic('profile-setting-unused', 'profile.servers: the input names its own servers, which are used', at('profile.servers')));
    else out.servers = profile.servers.map((s, i) => serverOf(s, at(`profile.servers.${i}`)));
  }

  const schemes = [...(out.securitySchemes ?? [])];
  for (const [name, raw] of Object.entries(profile.securitySchemes ?? {})) {
    const where = at(`profile.securitySchemes.${name}`);
    if (schemes.some((s) => s.name === name)) {
      diagnostics.push(diagnostic('profile-setting-unused', `profile.securitySchemes.${name}: the input defines a scheme of that name, which is used`, where));
      continue;
    }
    const read = securitySchemeOf(name, raw, where);
    if (read.scheme) schemes.push(read.scheme);
    else diagnostics.push(diagnostic('profile-scheme-unsupported', `profile.securitySchemes.${name}: ${read.problem}`, where));
  }
  if (schemes.length > 0) out.securitySchemes = schemes;

  const known = new Set(schemes.map((s) => s.name));
  for (const [client, list] of Object.entries(profile.security ?? {})) {
    const where = at(`profile.security.${client}`);
    for (const name of new Set(list.flatMap((r) => Object.keys(r)))) {
      if (!known.has(name)) diagnostics.push(diagnostic('profile-scheme-unsupported', `profile.security.${client} names ${name}, which no security scheme defines`, where));
    }
    if (client === '*') {
      if (out.security) diagnostics.push(diagnostic('profile-setting-unused', 'profile.security.*: the input states the API\'s security, which is used', where));
      else out.security = requirements(list);
      continue;
    }
    const c = out.clients.find((x) => x.name === client);
    if (!c) diagnostics.push(diagnostic('profile-setting-unused', `profile.security.${client}: the inputs have no client ${client}`, where));
    else if (!c.security) c.security = requirements(list);
  }

  if (profile.envelope) {
    const e = profile.envelope;
    out.envelope = { status: e.status, success: [...e.success], required: [...e.required], source: at('profile.envelope') };
    if (e.message !== undefined) out.envelope.message = e.message;
    if (e.code !== undefined) out.envelope.code = e.code;
    if (e.requestId !== undefined) out.envelope.requestId = e.requestId;
    out.types = withEnvelopeRequired(out, e.status, e.required);
  }
  return { api: out, diagnostics };
}

function serverOf(s: NonNullable<Profile['servers']>[number], source: SourceLocation): Server {
  const server: Server = { url: s.url, source };
  if (s.description) server.description = s.description;
  const vars = Object.entries(s.variables ?? {});
  if (vars.length > 0) {
    server.variables = vars.map(([name, v]) => ({ name, default: v.default, ...(v.enum ? { enum: [...v.enum] } : {}), ...(v.description ? { description: v.description } : {}) }));
  }
  return server;
}

/**
 * The docs' response tables have no required column: the envelope's fields every response
 * carries are marked required on each method's response type (a named object type holding the
 * status field), and the others stay optional.
 */
function withEnvelopeRequired(api: Api, status: string, required: readonly string[]): Api['types'] {
  if (required.length === 0) return api.types;
  const responseTypes = new Set(api.clients.flatMap((c) => c.methods).flatMap((m) => (m.response.type.kind === 'ref' ? [m.response.type.name] : [])));
  const wanted = new Set(required);
  return api.types.map((t) => {
    if (!responseTypes.has(t.name) || t.type.kind !== 'object' || !t.type.fields.some((f) => f.name === status)) return t;
    const fields: Field[] = t.type.fields.map((f) => (wanted.has(f.name) && !f.required ? { ...f, required: true } : f));
    return { ...t, type: { ...t.type, fields } };
  });
}
