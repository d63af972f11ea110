import { describeType } from '../../ir/describe.js';
import { jsonEqual } from '../../ir/json.js';
import type { Api, Field, Method, NamedType, Parameter, SourceLocation, TypeRef } from '../../ir/types.js';
import { clientClassName, methodMemberNames } from '../../naming/members.js';
import { accepts, type Resolve } from './type-compat.js';
import { typeDirections, joinDirections, type Direction } from './usage.js';
import { compareConstraints, compareErrors, compareSecurity, compareSecuritySchemes, compareSerialization, compareServers, effectiveSecurity, levelFor } from './wire.js';

export type ChangeLevel = 'breaking' | 'non-breaking';

/** One difference between two versions of an API, classified the way oasdiff does. */
export interface ApiChange {
  /** What changed, e.g. `method-removed`, `field-required`, `enum-value-added`. */
  kind: string;
  level: ChangeLevel;
  /** The method (`ManagementClient.getUserMfaInfo`) or named type (`UserDto`) it is in. */
  subject: string;
  /** Where inside the subject: `parameter userId`, `response data.totpStatus`, `field email`. */
  path?: string;
  message: string;
  /** Which way the changed values travel (decides the level of many kinds). */
  direction?: Direction;
  base?: SourceLocation;
  head?: SourceLocation;
}

interface Side {
  api: Api;
  resolve: Resolve;
}

interface Ctx {
  base: Side;
  head: Side;
  out: ApiChange[];
}

const sideOf = (api: Api): Side => {
  const byName = new Map(api.types.map((t) => [t.name, t.type]));
  return { api, resolve: (n) => byName.get(n) };
};

/** The subject of changes to the API as a whole (its servers, its security). */
export const API_SUBJECT = 'API';

/**
 * Every change from `base` to `head`: the API's servers and security, methods (added, removed,
 * verb, path, parameters and how they are serialised, security, servers, response, errors) and
 * named types (compared once each, in the direction(s) methods use them), constraints included.
 */
export function compareApis(baseApi: Api, headApi: Api): ApiChange[] {
  const ctx: Ctx = { base: sideOf(baseApi), head: sideOf(headApi), out: [] };
  compareApiWide(ctx);
  compareMethods(ctx);
  compareNamedTypes(ctx);
  return sortChanges(ctx.out);
}

function methodIndex(api: Api): Map<string, { method: Method; display: string; client: string }> {
  const out = new Map<string, { method: Method; display: string; client: string }>();
  for (const c of api.clients) {
    const members = methodMemberNames(c);
    for (const m of c.methods) out.set(`${c.name}.${m.id}`, { method: m, display: `${clientClassName(c)}.${members.get(m.id) ?? m.id}`, client: c.name });
  }
  return out;
}

/** Servers, security and schemes of the API itself: reported once, not for every method that inherits them. */
function compareApiWide(ctx: Ctx): void {
  const a = ctx.base.api;
  const b = ctx.head.api;
  const at = (kind: string, level: ChangeLevel, message: string): void => {
    ctx.out.push({ kind, level, subject: API_SUBJECT, message });
  };
  compareServers(a.servers ?? [], b.servers ?? [], at);
  compareSecurity(a.security ?? [], b.security ?? [], at);
  compareSecuritySchemes(a.securitySchemes ?? [], b.securitySchemes ?? [], (name, kind, level, message) => {
    ctx.out.push({ kind, level, subject: API_SUBJECT, path: `security scheme ${name}`, message });
  });
}

function compareMethods(ctx: Ctx): void {
  const base = methodIndex(ctx.base.api);
  const head = methodIndex(ctx.head.api);
  for (const [key, b] of base) {
    if (head.has(key)) continue;
    ctx.out.push({ kind: 'method-removed', level: 'breaking', subject: b.display, message: 'method was removed', base: b.method.source });
  }
  for (const [key, h] of head) {
    const b = base.get(key);
    if (!b) {
      ctx.out.push({ kind: 'method-added', level: 'non-breaking', subject: h.display, message: 'method was added', head: h.method.source });
      continue;
    }
    compareMethod(ctx, b.method, h.method, h.display);
    compareMethodWire(ctx, b, h);
  }
}

/**
 * A method's own servers and security (where either version has its own, or its client's),
 * and its documented errors.
 */
function compareMethodWire(ctx: Ctx, b: { method: Method; client: string }, h: { method: Method; display: string; client: string }): void {
  const locs = { base: b.method.source, head: h.method.source };
  const push = (path: string) => (kind: string, level: ChangeLevel, message: string): void => {
    ctx.out.push({ kind, level, subject: h.display, path, message, ...locs });
  };
  if (b.method.servers || h.method.servers) {
    compareServers(b.method.servers ?? ctx.base.api.servers ?? [], h.method.servers ?? ctx.head.api.servers ?? [], push('servers'));
  }
  const own = (api: Api, client: string, m: Method): boolean => m.security !== undefined || api.clients.find((c) => c.name === client)?.security !== undefined;
  if (own(ctx.base.api, b.client, b.method) || own(ctx.head.api, h.client, h.method)) {
    compareSecurity(effectiveSecurity(ctx.base.api, b.client, b.method), effectiveSecurity(ctx.head.api, h.client, h.method), push('security'));
  }
  compareErrors(b.method.errors ?? [], h.method.errors ?? [], push('errors'), (x, y) => {
    compareType(ctx, x.type, y.type, 'response', h.display, `error ${y.status}`, { base: x.source, head: y.source });
  });
}

function compareMethod(ctx: Ctx, a: Method, b: Method, subject: string): void {
  const locs = { base: a.source, head: b.source };
  const push = (kind: string, level: ChangeLevel, message: string, path?: string): void => {
    ctx.out.push({ kind, level, subject, ...(path ? { path } : {}), message, ...locs });
  };
  if (a.http.verb !== b.http.verb) push('verb-changed', 'breaking', `HTTP verb changed from ${a.http.verb} to ${b.http.verb}`);
  if (a.http.path !== b.http.path) push('path-changed', 'breaking', `path changed from ${a.http.path} to ${b.http.path}`);
  if ((a.description ?? '') !== (b.description ?? '') || (a.title ?? '') !== (b.title ?? '')) {
    push('description-changed', 'non-breaking', 'description changed');
  }
  if (!a.deprecated && b.deprecated) push('method-deprecated', 'non-breaking', 'method was deprecated');

  compareParameters(ctx, a.parameters, b.parameters, subject);
  if (a.requestBody || b.requestBody) {
    if (!a.requestBody) push('request-body-added', b.requestBody!.required ? 'breaking' : 'non-breaking', `a ${b.requestBody!.required ? 'required' : 'optional'} request body was added`, 'request body');
    else if (!b.requestBody) push('request-body-removed', 'breaking', 'the request body was removed', 'request body');
    else {
      if (!a.requestBody.required && b.requestBody.required) push('request-body-required', 'breaking', 'the request body became required', 'request body');
      if (a.requestBody.contentType !== b.requestBody.contentType) {
        push('content-type-changed', 'breaking', `request content type changed from ${a.requestBody.contentType} to ${b.requestBody.contentType}`, 'request body');
      }
      compareType(ctx, a.requestBody.type, b.requestBody.type, 'request', subject, 'request body', locs);
    }
  }
  compareType(ctx, a.response.type, b.response.type, 'response', subject, 'response', { base: a.response.source, head: b.response.source });
}

function compareParameters(ctx: Ctx, a: Parameter[], b: Parameter[], subject: string): void {
  const before = new Map(a.map((p) => [p.name, p]));
  for (const q of b) {
    const p = before.get(q.name);
    if (p && p.in !== q.in) {
      ctx.out.push({
        kind: 'parameter-location-changed',
        level: 'breaking',
        subject,
        path: `parameter ${q.name}`,
        message: `parameter "${q.name}" moved from ${p.in} to ${q.in}`,
        direction: 'request',
        base: p.source,
        head: q.source,
      });
    }
    if (p) {
      compareSerialization(p, q, (kind, level, message) => {
        ctx.out.push({ kind, level, subject, path: `parameter ${q.name}`, message: `parameter "${q.name}": ${message}`, direction: 'request', base: p.source, head: q.source });
      });
    }
  }
  compareFields(ctx, a, b, 'request', subject, 'parameter', '');
}

/**
 * Fields of two object types (or two parameter lists). Removing one breaks callers either way;
 * adding a required one breaks senders; required ↔ optional breaks senders one way and
 * receivers the other.
 */
function compareFields(ctx: Ctx, a: readonly Field[], b: readonly Field[], direction: Direction, subject: string, noun: 'field' | 'parameter', prefix: string): void {
  const before = new Map(a.map((f) => [f.name, f]));
  const after = new Map(b.map((f) => [f.name, f]));
  const at = (name: string): string => (noun === 'parameter' ? `parameter ${name}` : prefix ? `${prefix}.${name}` : name);
  const where = (name: string): string => `${noun} "${noun === 'parameter' ? name : at(name)}"`;
  const push = (kind: string, level: ChangeLevel, name: string, message: string, base?: SourceLocation, head?: SourceLocation): void => {
    ctx.out.push({ kind: `${noun}-${kind}`, level, subject, path: at(name), message, direction, ...(base ? { base } : {}), ...(head ? { head } : {}) });
  };
  for (const [name, f] of before) {
    if (!after.has(name)) push('removed', 'breaking', name, `${where(name)} was removed`, f.source);
  }
  for (const [name, g] of after) {
    const f = before.get(name);
    if (!f) {
      const level = levelFor(direction, { request: g.required, response: false });
      push('added', level, name, `${g.required ? 'required' : 'optional'} ${where(name)} was added`, undefined, g.source);
      continue;
    }
    if (!f.required && g.required) {
      push('required', levelFor(direction, { request: true, response: false }), name, `${where(name)} became required`, f.source, g.source);
    } else if (f.required && !g.required) {
      push('optional', levelFor(direction, { request: false, response: true }), name, `${where(name)} became optional`, f.source, g.source);
    }
    if ((f.description ?? '') !== (g.description ?? '')) push('description-changed', 'non-breaking', name, `${where(name)}: description changed`, f.source, g.source);
    if (!jsonEqual(f.default ?? null, g.default ?? null)) {
      push('default-changed', 'non-breaking', name, `${where(name)}: default changed from ${show(f.default)} to ${show(g.default)}`, f.source, g.source);
    }
    if (!f.deprecated && g.deprecated) push('deprecated', 'non-breaking', name, `${where(name)} was deprecated`, f.source, g.source);
    compareType(ctx, f.type, g.type, direction, subject, at(name), { base: f.source, head: g.source });
  }
}

/** `parameter x`, `response.data`, `request body` as they are; a bare path is a DTO's field. */
const placeName = (path: string): string => (/^(parameter |response|request body|error )/.test(path) ? path : `field ${path}`);

const show = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

/** Two type expressions at one place of the API; named types of one name are compared once, elsewhere. */
function compareType(
  ctx: Ctx,
  a: TypeRef,
  b: TypeRef,
  direction: Direction,
  subject: string,
  path: string,
  locs: { base: SourceLocation; head: SourceLocation },
  seen = new Set<string>(),
): void {
  const push = (kind: string, level: ChangeLevel, message: string): void => {
    ctx.out.push({ kind, level, subject, ...(path ? { path } : {}), message: path ? `${placeName(path)}: ${message}` : message, direction, ...locs });
  };
  if (a.kind === 'ref' && b.kind === 'ref' && a.name === b.name) return;
  if (a.kind === 'ref' || b.kind === 'ref') {
    const key = `${describeType(a)}\u0000${describeType(b)}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (a.kind === 'ref' && b.kind === 'ref') push('type-renamed', 'non-breaking', `type is now ${b.name} (was ${a.name})`);
    const ra = a.kind === 'ref' ? ctx.base.resolve(a.name) : a;
    const rb = b.kind === 'ref' ? ctx.head.resolve(b.name) : b;
    if (ra && rb) compareType(ctx, ra, rb, direction, subject, path, locs, seen);
    else if (!(a.kind === 'ref' && b.kind === 'ref')) typeChanged(ctx, a, b, direction, push);
    return;
  }
  if (a.kind === 'object' && b.kind === 'object') return compareFields(ctx, a.fields, b.fields, direction, subject, 'field', path);
  if (a.kind === 'array' && b.kind === 'array') {
    compareConstraints(a.constraints, b.constraints, direction, push);
    return compareType(ctx, a.items, b.items, direction, subject, `${path}[]`, locs, seen);
  }
  if (a.kind === 'map' && b.kind === 'map') return compareType(ctx, a.values, b.values, direction, subject, `${path}{}`, locs, seen);
  if (a.kind === 'enum' && b.kind === 'enum' && a.base === b.base) {
    const va = new Set(a.values.map((v) => v.value));
    const vb = new Set(b.values.map((v) => v.value));
    const removed = [...va].filter((v) => !vb.has(v));
    const added = [...vb].filter((v) => !va.has(v));
    if (removed.length > 0) {
      push('enum-value-removed', levelFor(direction, { request: true, response: false }), `enum value(s) ${removed.map(show).join(', ')} removed`);
    }
    if (added.length > 0) push('enum-value-added', 'non-breaking', `enum value(s) ${added.map(show).join(', ')} added`);
    return;
  }
  if (describeType(a) !== describeType(b)) return typeChanged(ctx, a, b, direction, push);
  if ((a.kind === 'string' || a.kind === 'number' || a.kind === 'integer') && a.kind === b.kind) compareConstraints(a.constraints, b.constraints, direction, push);
}

function typeChanged(ctx: Ctx, a: TypeRef, b: TypeRef, direction: Direction, push: (kind: string, level: ChangeLevel, message: string) => void): void {
  const widened = accepts(b, a, ctx.head.resolve, ctx.base.resolve);
  const narrowed = accepts(a, b, ctx.base.resolve, ctx.head.resolve);
  const how = widened && !narrowed ? ' (widened)' : narrowed && !widened ? ' (narrowed)' : '';
  const level = levelFor(direction, { request: !widened, response: !narrowed });
  push('type-changed', level, `type changed from ${describeType(a)} to ${describeType(b)}${how}`);
}

/** Each named type once, in the direction(s) the methods of either version use it. */
function compareNamedTypes(ctx: Ctx): void {
  const dirA = typeDirections(ctx.base.api);
  const dirB = typeDirections(ctx.head.api);
  // a type that comes or goes with a whole method is part of that method's change
  const headKeys = new Set(methodIndex(ctx.head.api).keys());
  const baseKeys = new Set(methodIndex(ctx.base.api).keys());
  const keptA = typeDirections(ctx.base.api, (key) => headKeys.has(key));
  const keptB = typeDirections(ctx.head.api, (key) => baseKeys.has(key));
  const before = new Map(ctx.base.api.types.map((t) => [t.name, t]));
  const after = new Map(ctx.head.api.types.map((t) => [t.name, t]));
  for (const [name, t] of before) {
    if (after.has(name)) continue;
    // only a type some method used was part of the API callers could import
    if (keptA.has(name)) ctx.out.push({ kind: 'type-removed', level: 'breaking', subject: name, message: 'type was removed', base: t.source });
  }
  for (const [name, t] of after) {
    const old = before.get(name);
    if (!old) {
      if (keptB.has(name)) ctx.out.push({ kind: 'type-added', level: 'non-breaking', subject: name, message: 'type was added', head: t.source });
      continue;
    }
    // a type no method uses travels nowhere: judged as if both ways (the strictest)
    const direction = joinDirections(dirA.get(name), dirB.get(name)) ?? 'both';
    compareNamed(ctx, old, t, direction);
  }
}

function compareNamed(ctx: Ctx, a: NamedType, b: NamedType, direction: Direction): void {
  if ((a.description ?? '') !== (b.description ?? '')) {
    ctx.out.push({ kind: 'type-description-changed', level: 'non-breaking', subject: a.name, message: 'description changed', base: a.source, head: b.source });
  }
  if (a.type.kind === 'object' && b.type.kind === 'object') compareFields(ctx, a.type.fields, b.type.fields, direction, a.name, 'field', '');
  else compareType(ctx, a.type, b.type, direction, a.name, '', { base: a.source, head: b.source });
}

const levelRank = (l: ChangeLevel): number => (l === 'breaking' ? 0 : 1);

/** Breaking first, then by subject and path: the order every format prints. */
export function sortChanges(changes: ApiChange[]): ApiChange[] {
  return [...changes].sort(
    (x, y) =>
      levelRank(x.level) - levelRank(y.level) ||
      cmp(x.subject, y.subject) ||
      cmp(x.path ?? '', y.path ?? '') ||
      cmp(x.kind, y.kind) ||
      cmp(x.message, y.message),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
