/** IR Method → OpenAPI 3.1 Operation Object. */
import type { Method, Origin, Serialization } from '../../ir/types.js';
import { X } from '../../formats/openapi-extensions.js';
import { fieldSchema, objectSchema, typeSchema, type ComponentNames, type Schema } from './schema-object.js';
import { securityObject, serverObject } from './security-and-servers.js';

function originExt(o: Origin): Schema | undefined {
  if (o.kind === 'rule') return { kind: 'rule', rule: o.rule };
  if (o.kind === 'evidence') return { kind: 'evidence', evidence: o.evidence };
  if (o.kind === 'override') return { kind: 'override' };
  return undefined;
}

export function operationOf(m: Method, operationId: string, names: ComponentNames): Schema {
  const op: Schema = { operationId, tags: [m.client], [X.client]: m.client };
  if (operationId !== m.id) op[X.words] = m.words;
  if (m.title) op.summary = m.title;
  if (m.description) op.description = m.description;
  if (m.category) op[X.category] = m.category;
  if (m.deprecated) op.deprecated = true;
  if (m.docs.length > 0) op[X.docs] = m.docs;
  const verbOrigin = originExt(m.http.verbOrigin);
  const pathOrigin = originExt(m.http.pathOrigin);
  if (verbOrigin) op[X.verbOrigin] = verbOrigin;
  if (pathOrigin) op[X.pathOrigin] = pathOrigin;

  const params = m.parameters.filter((p) => p.in !== 'body');
  if (params.length > 0) {
    op.parameters = params.map((p) => {
      const schema = typeSchema(p.type, names);
      if (p.default !== undefined) schema.default = p.default;
      if (p.readOnly) schema.readOnly = true;
      if (p.writeOnly) schema.writeOnly = true;
      const out: Schema = { name: p.name, in: p.in, required: p.in === 'path' || p.required };
      if (p.description) out.description = p.description;
      if (p.deprecated) out.deprecated = true;
      Object.assign(out, serialization(p));
      if (p.contentType !== undefined) out.content = { [p.contentType]: { schema } };
      else out.schema = schema;
      if (p.example !== undefined) out.example = p.example;
      return out;
    });
  }
  const bodyParams = m.parameters.filter((p) => p.in === 'body');
  if (m.requestBody) {
    const b = m.requestBody;
    const media: Schema = { schema: typeSchema(b.type, names) };
    if (b.properties) {
      media.encoding = Object.fromEntries(b.properties.map((e) => [e.property, { ...(e.contentType !== undefined ? { contentType: e.contentType } : {}), ...serialization(e) }]));
    }
    const body: Schema = { content: { [b.contentType]: media }, required: b.required };
    if (b.description) body.description = b.description;
    op.requestBody = body;
  } else if (bodyParams.length > 0) {
    // docs pages list JSON body properties as parameters: one object body, marked for the reader
    op.requestBody = {
      required: bodyParams.some((p) => p.required),
      content: { 'application/json': { schema: objectSchema(bodyParams, false, names) } },
      [X.bodyParameters]: true,
    };
    // a convenience call's parameters nest, and it sends fixed members (docs: README, "HTTP verbs and paths")
    const nested = bodyParams.filter((p) => p.bodyPath);
    if (nested.length > 0) (op.requestBody as Schema)[X.bodyPaths] = Object.fromEntries(nested.map((p) => [p.name, p.bodyPath!]));
    if (m.http.fixedBody) (op.requestBody as Schema)[X.fixedBody] = Object.fromEntries(m.http.fixedBody.map((x) => [x.name, x.value]));
  }
  const r = m.response;
  const response: Schema = { description: r.description ?? '' };
  if (r.headers && r.headers.length > 0) {
    response.headers = Object.fromEntries(r.headers.map((h) => [h.name, { ...(h.description ? { description: h.description } : {}), schema: { type: 'string' } }]));
  }
  if (r.type.kind !== 'unknown' || r.contentType !== undefined || r.sample !== undefined) {
    const media: Schema = {};
    if (r.type.kind !== 'unknown') media.schema = typeSchema(r.type, names);
    if (r.sample !== undefined) media.example = r.sample;
    response.content = { [r.contentType ?? 'application/json']: media };
    if (r.contentType === undefined) response[X.noContentType] = true;
  }
  op.responses = { '200': response };
  for (const e of m.errors ?? []) {
    const out: Schema = { description: e.description ?? '' };
    if (e.type.kind !== 'unknown' || e.contentType !== undefined) {
      out.content = { [e.contentType ?? 'application/json']: e.type.kind !== 'unknown' ? { schema: typeSchema(e.type, names) } : {} };
    }
    (op.responses as Schema)[e.status] = out;
  }
  if (m.servers) op.servers = m.servers.map(serverObject);
  if (m.security) op.security = securityObject(m.security);
  return op;
}

/** `style`, `explode`, `allowReserved` as the IR has them (only what the source wrote). */
function serialization(s: Serialization): Schema {
  const out: Schema = {};
  if (s.style !== undefined) out.style = s.style;
  if (s.explode !== undefined) out.explode = s.explode;
  if (s.allowReserved) out.allowReserved = true;
  return out;
}

export { fieldSchema };
