/**
 * OpenAPI Object (the document root) → IR Api, after a version dispatch: 3.0 and 3.1 share
 * every object mapper (the differences — `nullable` vs `type: [.., "null"]`, `example` vs
 * `examples` — are read by the schema mapper either way); Swagger 2.0 gets a clear diagnostic.
 */
import { escapePointer } from '../../formats/json-pointer.js';
import { resolve } from 'node:path';
import { diagnostic } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { InputLimits } from '../read-input.js';
import { IR_VERSION, type Api, type Client, type Method } from '../../ir/types.js';
import { normalizeApi } from '../../ir/normalize.js';
import { displayPath } from '../../diagnostics/display-path.js';
import { isObject, SpecContext, type OpenApiVersion, type Where } from './context.js';
import { clientNameOfTag, clientNameOfTitle } from './method-name.js';
import { NamedSchemas } from './named-schemas.js';
import { followRef } from './component-ref.js';
import { methodOf, OPERATION_VERBS } from './operation-object.js';
import { schemaType } from './schema-object.js';
import { X } from '../../formats/openapi-extensions.js';
import { loadSpec } from './spec-refs.js';
import { serversOf } from './server-object.js';
import { securityRequirementsOf, securitySchemeOf } from './security-scheme-object.js';
import type { Envelope, SecurityRequirement, SecurityScheme } from '../../ir/types.js';

export interface OpenApiIngestOptions {
  cwd?: string;
  tagsAs?: 'clients' | 'categories';
  /** Folders (cwd-relative) that file `$ref`s may read besides the spec's own folder tree. */
  refRoots?: readonly string[];
  limits?: InputLimits;
}

export interface OpenApiStats {
  operations: number;
  operationsSkipped: number;
  namedTypes: number;
}

export interface OpenApiIngestResult {
  /** Undefined when the file could not be read as OpenAPI 3.x at all. */
  api?: Api;
  diagnostics: Diagnostic[];
  stats: OpenApiStats;
}

/** `openapi: 3.0.x` / `3.1.x` (3.2 is read as 3.1), else undefined. */
export function openApiVersion(doc: Record<string, unknown>): OpenApiVersion | undefined {
  const v = typeof doc.openapi === 'string' ? doc.openapi : '';
  if (/^3\.0(\.|$)/.test(v)) return '3.0';
  if (/^3\.[1-9](\.|$)/.test(v)) return '3.1';
  return undefined;
}

export async function ingestOpenApiFile(file: string, options: OpenApiIngestOptions = {}): Promise<OpenApiIngestResult> {
  const cwd = options.cwd ?? process.cwd();
  const stats: OpenApiStats = { operations: 0, operationsSkipped: 0, namedTypes: 0 };
  const display = displayPath(file, cwd);
  const loaded = await loadSpec(resolve(cwd, file), cwd, { refRoots: (options.refRoots ?? []).map((r) => resolve(cwd, r)), ...(options.limits ? { limits: options.limits } : {}) });
  const diagnostics: Diagnostic[] = [...loaded.refused];
  if (loaded.error) {
    const { file: f, line, column, message, code } = loaded.error;
    diagnostics.push(diagnostic(code ?? 'openapi-unparsable', message, { file: f, line, column }));
  }
  if (!loaded.refs) return { diagnostics, stats };
  const doc = loaded.refs.root.value;
  const version = isObject(doc) ? openApiVersion(doc) : undefined;
  if (!isObject(doc) || !version) {
    const swagger = isObject(doc) && typeof doc.swagger === 'string' ? doc.swagger : undefined;
    diagnostics.push({
      code: 'openapi-version-unsupported',
      severity: 'error',
      message: swagger
        ? `Swagger ${swagger} is not read; convert it to OpenAPI 3 first (npx swagger2openapi ${display} -o <out>.json)`
        : `no "openapi: 3.x" field: ${display} is not an OpenAPI 3 document`,
      location: { file: display, line: 1, column: 1 },
    });
    return { diagnostics, stats };
  }

  const ctx = new SpecContext(loaded.refs, version);
  const root = loaded.refs.root;
  ctx.types = new NamedSchemas(ctx, (schema, where) => schemaType(schema, where, ctx));
  const rootAt = ctx.at(root, '', doc);
  const components = isObject(doc.components) ? doc.components : undefined;
  if (components && isObject(components.schemas)) {
    for (const [name, schema] of Object.entries(components.schemas)) ctx.types.register(root, `/components/schemas/${escapePointer(name)}`, schema);
  }

  const info = isObject(doc.info) ? doc.info : {};
  const title = typeof info.title === 'string' && info.title && doc[X.noTitle] !== true ? info.title : undefined;
  const tagsAs = options.tagsAs ?? 'clients';
  const defaultClient = clientNameOfTitle(title);
  const clients = new Map<string, Client>();
  const clientOf = (name: string): Client => {
    let c = clients.get(name);
    if (!c) clients.set(name, (c = { name, methods: [] }));
    return c;
  };
  const ids = new Map<string, Method>();
  const pathsAt = ctx.child(rootAt, 'paths', doc.paths);
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const writtenAt = ctx.child(pathsAt, path, rawItem);
    if (!isObject(rawItem)) continue;
    // a Path Item may itself be a $ref (3.1, and multi-file specs of 3.0): read it where it lives,
    // so the refs inside it resolve against its own file
    const target = typeof rawItem.$ref === 'string' ? followRef(rawItem, writtenAt, ctx) : { value: rawItem, where: writtenAt };
    if (!target) {
      stats.operationsSkipped++;
      ctx.report('openapi-operation-skipped', `path ${path} is skipped: its $ref does not resolve`, writtenAt);
      continue;
    }
    const { value: item, where: itemAt } = target;
    if ('trace' in item) {
      stats.operationsSkipped++;
      ctx.report('openapi-operation-skipped', `TRACE ${path} is skipped: the IR has no TRACE verb`, ctx.child(itemAt, 'trace', item.trace));
    }
    for (const verb of OPERATION_VERBS) {
      const written = item[verb];
      if (written === undefined) continue;
      // an Operation written as a $ref to another file (DigitalOcean's layout) is read like a Path Item $ref
      const resolved = isObject(written) && typeof written.$ref === 'string' ? followRef(written, ctx.child(itemAt, verb, written), ctx) : undefined;
      if (isObject(written) && typeof written.$ref === 'string' && !resolved) {
        stats.operationsSkipped++;
        ctx.report('openapi-operation-skipped', `${verb.toUpperCase()} ${path} is skipped: its $ref ${written.$ref} does not resolve to an Operation object`, ctx.child(itemAt, verb, written));
        continue;
      }
      const op = resolved ? resolved.value : written;
      const opAt = resolved ? resolved.where : ctx.child(itemAt, verb, op);
      if (isObject(op) && isObject(op.callbacks)) {
        for (const name of Object.keys(op.callbacks)) {
          stats.operationsSkipped++;
          ctx.report('openapi-operation-skipped', `callback ${name} of ${verb.toUpperCase()} ${path} is skipped: callbacks are requests the API makes, not SDK methods`, ctx.child(ctx.child(opAt, 'callbacks', op.callbacks), name, op.callbacks[name]));
        }
      }
      if (!isObject(op)) {
        stats.operationsSkipped++;
        ctx.report('openapi-operation-skipped', `${verb.toUpperCase()} ${path} is not an object`, opAt);
        continue;
      }
      const method = methodOf(path, verb, item, op, itemAt, opAt, ctx, { tagsAs, defaultClient });
      const key = `${method.client}.${method.id}`;
      const clash = ids.get(key);
      if (clash) {
        let n = 2;
        while (ids.has(`${key}_${n}`)) n++;
        ctx.report('openapi-method-name-collision', `${verb.toUpperCase()} ${path} maps to ${key} like ${clash.http.verb} ${clash.http.path}; named ${method.id}_${n}`, opAt);
        method.words = [...method.words, String(n)];
        method.id = method.words.join('_');
      }
      ids.set(`${method.client}.${method.id}`, method);
      clientOf(method.client).methods.push(method);
      stats.operations++;
    }
  }
  if (isObject(doc.webhooks)) {
    const at = ctx.child(rootAt, 'webhooks', doc.webhooks);
    for (const name of Object.keys(doc.webhooks)) {
      stats.operationsSkipped++;
      ctx.report('openapi-operation-skipped', `webhook ${name} is skipped: webhooks are requests the API makes, not SDK methods`, ctx.child(at, name, doc.webhooks[name]));
    }
  }
  ctx.types.drain();

  // tag descriptions become client descriptions; tags the writer marked are clients even if empty
  if (Array.isArray(doc.tags)) {
    for (const t of doc.tags) {
      if (!isObject(t) || typeof t.name !== 'string') continue;
      const name = t[X.client] !== undefined && typeof t[X.client] === 'string' ? (t[X.client] as string) : clientNameOfTag(t.name);
      const c = t[X.clientTag] === true ? clientOf(name) : clients.get(name);
      if (c && typeof t.description === 'string' && t.description && tagsAs === 'clients') c.description = t.description;
      const clientSecurity = securityRequirementsOf(t[X.clientSecurity]);
      if (c && clientSecurity) c.security = clientSecurity;
    }
  }

  const api: Api = { irVersion: IR_VERSION, origin: 'openapi', clients: [...clients.values()], types: ctx.types.types };
  const servers = serversOf(doc.servers, ctx.child(rootAt, 'servers', doc.servers), ctx);
  if (servers) api.servers = servers;
  const schemes = securitySchemes(components, ctx.child(rootAt, 'components', components), ctx);
  if (schemes.length > 0) api.securitySchemes = schemes;
  const security = securityRequirementsOf(doc.security);
  if (security) api.security = security;
  reportUnknownSchemes(api, schemes, ctx, rootAt);
  if (title) api.title = title;
  if (typeof info.version === 'string' && doc[X.noVersion] !== true) api.version = info.version;
  if (doc[X.origin] === 'docs' || doc[X.origin] === 'merged') api.origin = doc[X.origin] as Api['origin'];
  if (typeof doc[X.language] === 'string') api.language = doc[X.language] as string;
  const envelope = envelopeOf(doc[X.envelope], rootAt.loc);
  if (envelope) api.envelope = envelope;
  stats.namedTypes = api.types.length;
  // a schema merged into several allOf objects is read once per merge: report its findings once
  const seen = new Set<string>();
  for (const d of ctx.diagnostics.items) {
    const key = `${d.code}|${d.message}|${d.location?.file}:${d.location?.line}:${d.location?.column}`;
    if (!seen.has(key)) diagnostics.push(d), seen.add(key);
  }
  return { api: normalizeApi(api), diagnostics, stats };
}

/** `components.securitySchemes` in document order; a scheme the SDK cannot apply is reported. */
function securitySchemes(components: Record<string, unknown> | undefined, componentsAt: Where, ctx: SpecContext): SecurityScheme[] {
  const raw = components && isObject(components.securitySchemes) ? components.securitySchemes : undefined;
  if (!raw) return [];
  const at = ctx.child(componentsAt, 'securitySchemes', raw);
  const out: SecurityScheme[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const got = followRef(value, ctx.child(at, name, value), ctx);
    if (!got) continue;
    const read = securitySchemeOf(name, got.value, got.where.loc);
    if (read.scheme) out.push(read.scheme);
    else ctx.report('openapi-security-scheme-unsupported', read.problem!, got.where);
  }
  return out;
}

/** Requirements naming a scheme that is not defined can never be met: say so once per name. */
function reportUnknownSchemes(api: Api, schemes: readonly SecurityScheme[], ctx: SpecContext, rootAt: Where): void {
  const known = new Set(schemes.map((s) => s.name));
  const reported = new Set<string>();
  const check = (list: SecurityRequirement[] | undefined, loc: Where['loc']): void => {
    for (const r of list ?? []) {
      for (const { name } of r.schemes) {
        if (known.has(name) || reported.has(name)) continue;
        reported.add(name);
        ctx.diagnostics.report('openapi-security-unknown-scheme', `security requirement names ${name}, which components.securitySchemes does not define`, loc);
      }
    }
  };
  check(api.security, rootAt.loc);
  for (const c of api.clients) for (const m of c.methods) check(m.security, m.source);
}

/** The writer's `x-sdkforge-envelope` (a profile's envelope, kept through OpenAPI). */
function envelopeOf(raw: unknown, source: Where['loc']): Envelope | undefined {
  if (!isObject(raw) || typeof raw.status !== 'string') return undefined;
  const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const out: Envelope = { status: raw.status, success: numbers(raw.success), required: strings(raw.required), source };
  for (const key of ['message', 'code', 'requestId'] as const) if (typeof raw[key] === 'string') out[key] = raw[key];
  return out;
}
