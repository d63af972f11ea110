/**
 * Docs pages + spec describing the same API → one IR: verb and path from the spec, prose from
 * whichever has it (the docs first: they are written for readers), names from the docs (they are
 * the published SDK's). Every disagreement is a diagnostic naming both places.
 * Methods match by client + canonical words, else by path (the docs' `/api/v3/<kebab>` rule
 * gives the same path as the spec).
 */
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api, Client, Field, Method, NamedType, Parameter, TypeRef } from '../../ir/types.js';
import { stableStringify } from '../../ir/json.js';
import { normalizeApi } from '../../ir/normalize.js';

/** A type with places and prose removed: what two sources must agree on. */
export function typeShape(t: TypeRef): unknown {
  switch (t.kind) {
    case 'array':
      return { kind: 'array', items: typeShape(t.items) };
    case 'map':
      return { kind: 'map', values: typeShape(t.values) };
    case 'object':
      return { kind: 'object', open: t.open === true, fields: t.fields.map((f) => ({ name: f.name, required: f.required, type: typeShape(f.type) })) };
    case 'union':
      return { kind: 'union', variants: t.variants.map(typeShape), discriminator: t.discriminator ?? null };
    case 'enum':
      return { kind: 'enum', base: t.base, values: t.values.map((v) => v.value) };
    default:
      return t;
  }
}

const sameShape = (a: TypeRef, b: TypeRef): boolean => stableStringify(typeShape(a)) === stableStringify(typeShape(b));

/** `string`, `ref Pet`, `enum[a,b]`: a short type label for messages. */
function label(t: TypeRef): string {
  switch (t.kind) {
    case 'ref':
      return t.name;
    case 'array':
      return `${label(t.items)}[]`;
    case 'enum':
      return `enum(${t.values.map((v) => JSON.stringify(v.value)).join(', ')})`;
    case 'literal':
      return JSON.stringify(t.value);
    case 'union':
      return t.variants.map(label).join(' | ');
    case 'map':
      return `map<${label(t.values)}>`;
    default:
      return t.kind;
  }
}

class Merger {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly spec: Api) {}

  private differ(message: string, specAt: Field['source'], docsAt: Field['source'], code: DiagnosticCode = 'merge-type-differs'): void {
    this.diagnostics.push({
      code,
      severity: 'warning',
      message,
      location: specAt,
      related: [
        { message: 'in the spec', location: specAt },
        { message: 'in the docs', location: docsAt },
      ],
    });
  }

  /** Compares one field / parameter described on both sides. */
  compareField(what: string, s: Field, d: Field): void {
    if (!sameShape(s.type, d.type)) {
      const enums = s.type.kind === 'enum' && d.type.kind === 'enum';
      this.differ(`${what}: ${enums ? 'enum values' : 'type'} differ: spec ${label(s.type)}, docs ${label(d.type)}`, s.source, d.source);
    }
    if (s.required !== d.required) this.differ(`${what}: required in the ${s.required ? 'spec' : 'docs'} only`, s.source, d.source);
  }

  /** Fields of a body type, following a ref to a named type of the spec. */
  bodyFields(t: TypeRef): Field[] | undefined {
    const seen = new Set<string>();
    let cur: TypeRef | undefined = t;
    while (cur?.kind === 'ref' && !seen.has(cur.name)) {
      seen.add(cur.name);
      const name: string = cur.name;
      cur = this.spec.types.find((x) => x.name === name)?.type;
    }
    return cur?.kind === 'object' ? cur.fields : undefined;
  }

  compareList(where: string, specList: Field[], docsList: Field[], specAt: Field['source'], docsAt: Field['source']): void {
    const docsBy = new Map(docsList.map((f) => [f.name, f]));
    const specBy = new Map(specList.map((f) => [f.name, f]));
    for (const s of specList) {
      const d = docsBy.get(s.name);
      if (d) this.compareField(`${where} ${s.name}`, s, d);
      else this.differ(`${where} ${s.name} is in the spec but not in the docs`, s.source, docsAt, 'merge-parameter-only-in-one');
    }
    for (const d of docsList) if (!specBy.has(d.name)) this.differ(`${where} ${d.name} is in the docs but not in the spec`, specAt, d.source, 'merge-parameter-only-in-one');
  }

  method(s: Method, d: Method): Method {
    const name = `${d.client}.${d.id}`;
    const docsNonBody = d.parameters.filter((p) => p.in !== 'body');
    const docsBody = d.parameters.filter((p) => p.in === 'body');
    this.compareList(`${name} parameter`, s.parameters, docsNonBody, s.source, d.source);
    const docsByName = new Map(docsNonBody.map((p) => [p.name, p]));
    const parameters: Parameter[] = s.parameters.map((p) => withProse(p, docsByName.get(p.name)));
    const m: Method = { ...s, words: d.words, id: d.id, client: d.client, parameters, docs: d.docs };
    if (s.requestBody) {
      const fields = this.bodyFields(s.requestBody.type);
      if (docsBody.length > 0 && fields) this.compareList(`${name} body property`, fields, docsBody, s.requestBody.source, d.source);
    } else if (docsBody.length > 0) {
      // the spec has no body: keep the docs' body parameters, and say so
      for (const p of docsBody) this.differ(`${name} body property ${p.name} is in the docs but not in the spec`, s.source, p.source, 'merge-parameter-only-in-one');
      m.parameters.push(...docsBody);
    }
    const title = d.title ?? s.title;
    const description = d.description ?? s.description;
    const category = d.category ?? s.category;
    if (title) m.title = title;
    if (description) m.description = description;
    if (category) m.category = category;
    if (s.deprecated || d.deprecated) m.deprecated = true;
    m.response = { ...s.response };
    if (s.response.type.kind === 'unknown') m.response.type = d.response.type;
    else if (d.response.type.kind !== 'unknown' && !sameShape(s.response.type, d.response.type)) {
      this.differ(`${name} response: type differs: spec ${label(s.response.type)}, docs ${label(d.response.type)}`, s.response.source, d.response.source);
    }
    const rd = d.response.description ?? s.response.description;
    if (rd) m.response.description = rd;
    const sample = s.response.sample ?? d.response.sample;
    if (sample !== undefined) m.response.sample = sample;
    return m;
  }

  type(s: NamedType, d: NamedType): NamedType {
    if (!sameShape(s.type, d.type)) this.differ(`type ${s.name} differs: fields, types or required flags are not the same`, s.source, d.source);
    const out: NamedType = { ...s };
    const description = s.description ?? d.description;
    if (description) out.description = description;
    if (s.type.kind === 'object' && d.type.kind === 'object') {
      const docsFields = new Map(d.type.fields.map((f) => [f.name, f]));
      out.type = { ...s.type, fields: s.type.fields.map((f) => withProse(f, docsFields.get(f.name))) };
    }
    return out;
  }
}

/** The spec's field with description and example from the docs when the spec has none. */
function withProse<F extends Field>(s: F, d: Field | undefined): F {
  if (!d) return s;
  const out = { ...s };
  if (!out.description && d.description) out.description = d.description;
  if (out.example === undefined && d.example !== undefined) out.example = d.example;
  return out;
}

export function mergeDocsAndSpec(docs: Api, spec: Api): { api: Api; diagnostics: Diagnostic[] } {
  const merger = new Merger(spec);
  const specMethods = spec.clients.flatMap((c) => c.methods);
  const byName = new Map(specMethods.map((m) => [`${m.client}.${m.id}`, m]));
  const byPath = new Map<string, Method>();
  for (const m of specMethods) if (!byPath.has(m.http.path)) byPath.set(m.http.path, m);
  const used = new Set<Method>();
  const methods: Method[] = [];
  for (const d of docs.clients.flatMap((c) => c.methods)) {
    const s = byName.get(`${d.client}.${d.id}`) ?? byPath.get(d.http.path);
    if (s && !used.has(s)) {
      used.add(s);
      methods.push(merger.method(s, d));
    } else {
      merger.diagnostics.push({ code: 'merge-method-only-in-one', severity: 'info', message: `${d.client}.${d.id} is documented but has no operation in the spec`, location: d.source });
      methods.push(d);
    }
  }
  for (const s of specMethods) {
    if (used.has(s)) continue;
    merger.diagnostics.push({ code: 'merge-method-only-in-one', severity: 'info', message: `${s.http.verb} ${s.http.path} (${s.client}.${s.id}) is in the spec but on no docs page`, location: s.source });
    methods.push(s);
  }
  const clients = new Map<string, Client>();
  for (const m of methods) {
    let c = clients.get(m.client);
    if (!c) {
      c = { name: m.client, methods: [] };
      const description = spec.clients.find((x) => x.name === m.client)?.description ?? docs.clients.find((x) => x.name === m.client)?.description;
      if (description) c.description = description;
      clients.set(m.client, c);
    }
    c.methods.push(m);
  }
  const docsTypes = new Map(docs.types.map((t) => [t.name, t]));
  const specNames = new Set(spec.types.map((t) => t.name));
  const types = [...spec.types.map((t) => (docsTypes.has(t.name) ? merger.type(t, docsTypes.get(t.name)!) : t)), ...docs.types.filter((t) => !specNames.has(t.name))];
  const api: Api = { irVersion: spec.irVersion, origin: 'merged', clients: [...clients.values()], types };
  // servers and security are the spec's: docs pages do not state them
  if (spec.servers) api.servers = spec.servers;
  if (spec.securitySchemes) api.securitySchemes = spec.securitySchemes;
  if (spec.security) api.security = spec.security;
  const title = spec.title ?? docs.title;
  const version = spec.version ?? docs.version;
  const language = docs.language ?? spec.language;
  if (title) api.title = title;
  if (version) api.version = version;
  if (language) api.language = language;
  return { api: normalizeApi(api), diagnostics: merger.diagnostics };
}
