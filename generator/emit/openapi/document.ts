/**
 * IR Api → an OpenAPI 3.1 document. Facts OpenAPI has no field for are kept in `x-sdkforge-*`
 * extensions (formats/openapi-extensions.ts) so that reading the document back gives
 * the same IR. Docs-derived methods get their rule-derived verb and path.
 */
import { Diagnostics } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api } from '../../ir/types.js';
import { X } from '../../formats/openapi-extensions.js';
import { typeNameOf } from '../../naming/type-name.js';
import { operationOf } from './operation-object.js';
import { securityObject, securitySchemeObject, serverObject } from './security-and-servers.js';
import { typeSchema, type Schema } from './schema-object.js';

const COMPONENT_NAME = /^[a-zA-Z0-9._-]+$/;

export function openApiDocument(api: Api): { document: Schema; diagnostics: Diagnostic[] } {
  const diagnostics = new Diagnostics();
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const t of api.types) {
    let key = COMPONENT_NAME.test(t.name) ? t.name : t.name.replace(/[^a-zA-Z0-9._-]/g, '_');
    if (key !== t.name) diagnostics.report('openapi-out-invalid-name', `type ${t.name} is written as component ${key}`, t.source);
    for (let n = 2; used.has(key); n++) key = `${key.replace(/_\d+$/, '')}_${n}`;
    used.add(key);
    names.set(t.name, key);
  }

  const doc: Schema = { openapi: '3.1.0', info: { title: api.title ?? 'API', version: api.version ?? '0.0.0' } };
  if (api.title === undefined) doc[X.noTitle] = true;
  if (api.version === undefined) doc[X.noVersion] = true;
  if (api.origin !== 'openapi') doc[X.origin] = api.origin;
  if (api.language) doc[X.language] = api.language;
  if (api.servers) doc.servers = api.servers.map(serverObject);
  if (api.security) doc.security = securityObject(api.security);
  if (api.envelope) {
    const { source: _source, ...envelope } = api.envelope;
    doc[X.envelope] = envelope;
  }
  doc.tags = api.clients.map((c) => {
    const tag: Schema = { name: c.name, [X.client]: c.name, [X.clientTag]: true };
    if (c.description) tag.description = c.description;
    if (c.security) tag[X.clientSecurity] = securityObject(c.security);
    return tag;
  });

  const paths: Record<string, Schema> = {};
  const operationIds = new Set<string>();
  for (const c of api.clients) {
    for (const m of c.methods) {
      const verb = m.http.verb.toLowerCase();
      let key = m.http.path;
      if (paths[key]?.[verb]) {
        key = `${m.http.path}#${c.name}`;
        for (let n = 2; paths[key]?.[verb]; n++) key = `${m.http.path}#${c.name}${n}`;
        diagnostics.report('openapi-out-path-collision', `${c.name}.${m.id} and another method are both ${m.http.verb} ${m.http.path}; written under ${key}`, m.source);
      }
      const item = (paths[key] ??= {});
      let operationId = m.id;
      if (operationIds.has(operationId)) operationId = `${c.name}_${m.id}`;
      for (let n = 2; operationIds.has(operationId); n++) operationId = `${c.name}_${m.id}_${n}`;
      operationIds.add(operationId);
      item[verb] = operationOf(m, operationId, names);
      if (key !== m.http.path) (item[verb] as Schema)[X.path] = m.http.path;
    }
  }
  doc.paths = paths;

  const schemas: Record<string, Schema> = {};
  for (const t of api.types) {
    const s = typeSchema(t.type, names);
    // a description next to `$ref` would be read back as the referring field's
    const key = names.get(t.name)!;
    const named: Schema = t.description ? (s.$ref ? { allOf: [s], description: t.description } : { ...s, description: t.description }) : s;
    if (typeNameOf(key) !== t.name) named[X.typeName] = t.name;
    schemas[key] = named;
  }
  doc.components = { schemas };
  if (api.securitySchemes && api.securitySchemes.length > 0) {
    (doc.components as Schema).securitySchemes = Object.fromEntries(api.securitySchemes.map((s) => [s.name, securitySchemeObject(s)]));
  }
  return { document: doc, diagnostics: diagnostics.items };
}
