/** Operation Object (OpenAPI 3.x §4.8.10) → IR Method. */
import type { DocRef, HttpVerb, JsonValue, Method, Origin } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';
import { clientNameOfTag } from './method-name.js';
import { operationWords } from './method-name.js';
import { operationParameters } from './parameter-object.js';
import { requestBodyOf } from './request-body-object.js';
import { errorResponsesOf, responseOf } from './response-object.js';
import { serversOf } from './server-object.js';
import { securityRequirementsOf } from './security-scheme-object.js';
import { X } from '../../formats/openapi-extensions.js';

export const OPERATION_VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

export interface OperationOptions {
  tagsAs: 'clients' | 'categories';
  /** Client of operations without a tag, and of all of them when tags are categories. */
  defaultClient: string;
}

const originOf = (ext: unknown, loc: Where['loc']): Origin => {
  if (isObject(ext) && ext.kind === 'rule' && typeof ext.rule === 'string') return { kind: 'rule', rule: ext.rule, source: loc };
  if (isObject(ext) && ext.kind === 'evidence' && typeof ext.evidence === 'string') return { kind: 'evidence', evidence: ext.evidence, source: loc };
  if (isObject(ext) && ext.kind === 'override') return { kind: 'override', source: loc };
  return { kind: 'spec', source: loc };
};

export function methodOf(
  path: string,
  verb: (typeof OPERATION_VERBS)[number],
  pathItem: Record<string, unknown>,
  op: Record<string, unknown>,
  pathWhere: Where,
  opWhere: Where,
  ctx: SpecContext,
  options: OperationOptions,
): Method {
  const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : undefined;
  if (Array.isArray(op.tags) && op.tags.length > 1 && op[X.client] === undefined) {
    ctx.report('openapi-extra-tags', `tags ${op.tags.map((t) => JSON.stringify(t)).join(', ')}: the method goes to the first`, ctx.child(opWhere, 'tags', op.tags));
  }
  const client =
    typeof op[X.client] === 'string' ? (op[X.client] as string) : options.tagsAs === 'clients' && tag !== undefined ? clientNameOfTag(tag) : options.defaultClient;
  const extWords = op[X.words];
  const words =
    Array.isArray(extWords) && extWords.length > 0 && extWords.every((w) => typeof w === 'string')
      ? (extWords as string[])
      : operationWords(op.operationId, options.tagsAs === 'clients' ? tag : undefined, verb, path);
  const method: Method = {
    words,
    id: words.join('_'),
    client,
    http: {
      verb: verb.toUpperCase() as HttpVerb,
      path: typeof op[X.path] === 'string' ? (op[X.path] as string) : path,
      verbOrigin: originOf(op[X.verbOrigin], opWhere.loc),
      pathOrigin: originOf(op[X.pathOrigin], opWhere.loc),
    },
    parameters: operationParameters(pathItem, op, pathWhere, opWhere, ctx),
    response: responseOf(op.responses, opWhere, ctx),
    docs: Array.isArray(op[X.docs]) ? (op[X.docs] as unknown[]).filter(isObject).filter((d) => typeof d.file === 'string').map((d) => d as unknown as DocRef) : [],
    source: opWhere.loc,
  };
  const summary = op.summary ?? pathItem.summary;
  if (typeof summary === 'string' && summary) method.title = summary;
  const description = op.description ?? pathItem.description;
  if (typeof description === 'string' && description) method.description = description;
  if (typeof op[X.category] === 'string') method.category = op[X.category] as string;
  else if (options.tagsAs === 'categories' && tag !== undefined) method.category = tag;
  if (op.deprecated === true) method.deprecated = true;
  const errors = errorResponsesOf(op.responses, opWhere, ctx);
  if (errors.length > 0) method.errors = errors;
  // servers: the operation's, else its path's (§4.8.9–10); the API's apply when neither says
  const servers = serversOf(op.servers, ctx.child(opWhere, 'servers', op.servers), ctx) ?? serversOf(pathItem.servers, ctx.child(pathWhere, 'servers', pathItem.servers), ctx);
  if (servers) method.servers = servers;
  const security = securityRequirementsOf(op.security);
  if (security) method.security = security;
  if (op.requestBody !== undefined && (verb === 'get' || verb === 'head')) {
    ctx.report('openapi-body-ignored', `the request body of ${verb.toUpperCase()} ${path} is not sent`, ctx.child(opWhere, 'requestBody', op.requestBody));
  } else if (op.requestBody !== undefined) {
    const at = ctx.child(opWhere, 'requestBody', op.requestBody);
    const body = requestBodyOf(op.requestBody, at, ctx);
    const raw = isObject(op.requestBody) ? op.requestBody : undefined;
    // the writer's marker: the body object's properties are the method's body parameters
    if (body && raw?.[X.bodyParameters] === true && body.type.kind === 'object') {
      const rawPaths = raw[X.bodyPaths];
      const paths: Record<string, unknown> = isObject(rawPaths) ? rawPaths : {};
      for (const f of body.type.fields) {
        const bodyPath = Object.hasOwn(paths, f.name) ? paths[f.name] : undefined;
        const nested = Array.isArray(bodyPath) && bodyPath.length > 0 && bodyPath.every((s) => typeof s === 'string') ? { bodyPath: bodyPath as string[] } : {};
        method.parameters.push({ ...f, in: 'body', ...nested });
      }
      const rawFixed = raw[X.fixedBody];
      if (isObject(rawFixed)) {
        const fixed = Object.entries(rawFixed).map(([name, value]) => ({ name, value: value as JsonValue, source: at.loc }));
        if (fixed.length > 0) method.http.fixedBody = fixed;
      }
    } else if (body) method.requestBody = body;
  }
  return method;
}
