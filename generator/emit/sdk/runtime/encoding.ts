// Turns an operation's args object into URL, headers and body, as the wire expects them.
import { SdkError, ValidationError } from './errors.js';
import { formEncode, headerText, joinPairs, pairs, pathText, toWireString, type Pair } from './serialize.js';
import type { BodyEncoding, OperationSpec, PropertyEncodingSpec } from './types.js';

type Args = Readonly<Record<string, unknown>>;

/** `api.genauth.ai/` → `https://api.genauth.ai`: a missing scheme means https; no trailing slash. */
export function normaliseHost(host: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  return withScheme.replace(/\/+$/, '');
}

/** An argument, read only from the object's own keys (never an inherited `constructor` or `toString`). */
function arg(args: Args, key: string): unknown {
  return Object.hasOwn(args, key) ? args[key] : undefined;
}

/** Sets a key as an own property: plain assignment to `__proto__` would replace the prototype. */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Fills `{name}` placeholders with the path params, serialised by their style (percent-encoded). */
export function fillPath(op: OperationSpec, args: Args): string {
  const filled = op.path.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => {
    const spec = op.params.find((p) => p.in === 'path' && p.name === name);
    const value = spec === undefined ? undefined : arg(args, spec.key);
    const where = spec?.key ?? name;
    if (value === undefined || value === null || value === '') {
      throw new ValidationError(op.id, 'request', [{ path: where, message: `path parameter ${placeholder} is required` }]);
    }
    const text = spec?.contentType !== undefined ? encodeURIComponent(mediaText(value)) : pathText(name, value, spec ?? {});
    // URL parsers resolve `.`/`..` segments even when written %2E, so no escaping can make them safe.
    if (text === '.' || text === '..') {
      throw new ValidationError(op.id, 'request', [{ path: where, message: `path parameter ${placeholder} cannot be "${text}"` }]);
    }
    return text;
  });
  // and neither may two values side by side (`{a}{b}`)
  const template = new Set(op.path.split('/'));
  const dotted = filled.split('/').find((segment) => (segment === '.' || segment === '..') && !template.has(segment));
  if (dotted !== undefined) {
    throw new ValidationError(op.id, 'request', [{ path: '(path)', message: `a path parameter cannot make the segment "${dotted}"` }]);
  }
  return filled;
}

/** A value of a parameter given by `content`: JSON for JSON media types, else its text. */
function mediaText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/** Declared query params by wire name; undefined stays so request signing sees every declared key. */
export function queryValues(op: OperationSpec, args: Args): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const p of op.params) if (p.in === 'query') put(query, p.name, arg(args, p.key));
  return query;
}

/** The query string (without `?`): each declared query param serialised by its style. */
export function encodeQuery(op: OperationSpec, args: Args): string {
  const out: Pair[] = [];
  for (const p of op.params) {
    if (p.in !== 'query') continue;
    const value = arg(args, p.key);
    if (p.contentType !== undefined) {
      if (value !== undefined && value !== null) out.push([formEncode(p.name), formEncode(mediaText(value))]);
    } else out.push(...pairs(p.name, value, { ...p, encode: formEncode }));
  }
  return joinPairs(out);
}

/** Header params, plus cookie params folded into one `cookie` header. */
export function paramHeaders(op: OperationSpec, args: Args): Record<string, string> {
  const headers: Record<string, string> = {};
  const cookies: Pair[] = [];
  for (const p of op.params) {
    const value = arg(args, p.key);
    if (value === undefined || value === null) continue;
    if (p.in === 'header') put(headers, p.name, p.contentType !== undefined ? mediaText(value) : headerText(value, p));
    if (p.in === 'cookie') cookies.push(...(p.contentType !== undefined ? [[encodeURIComponent(p.name), encodeURIComponent(mediaText(value))] as Pair] : pairs(p.name, value, { ...p, encode: encodeURIComponent })));
  }
  if (cookies.length > 0) headers['cookie'] = cookies.map(([k, v]) => `${k}=${v}`).join('; ');
  return headers;
}

export interface EncodedBody {
  body: string | FormData | Uint8Array | undefined;
  /** The value before JSON serialisation (what request signing reads). */
  json: unknown;
  /** Undefined for multipart: fetch must write the boundary itself. */
  contentType: string | undefined;
}

const NO_BODY: EncodedBody = { body: undefined, json: undefined, contentType: undefined };

/** The whole-body argument when the operation has one, else the 'body' params as one JSON object. */
export async function encodeBody(op: OperationSpec, args: Args): Promise<EncodedBody> {
  if (op.body !== undefined) {
    const value = arg(args, op.body.key);
    if (value === undefined) return NO_BODY;
    return encodeWholeBody(op, value, op.body.encoding, op.body.contentType);
  }
  const gathered: Record<string, unknown> = {};
  let any = false;
  for (const [name, value] of Object.entries(op.fixedBody ?? {})) {
    put(gathered, name, value);
    any = true;
  }
  for (const p of op.params) {
    const value = arg(args, p.key);
    if (p.in !== 'body' || value === undefined) continue;
    put(p.at ? member(gathered, p.at) : gathered, p.name, value);
    any = true;
  }
  if (!any) return NO_BODY;
  if (op.method === 'GET' || op.method === 'HEAD') {
    // fetch refuses a body on these; the operation spec is wrong, not the network.
    throw new SdkError(`${op.id}: a ${op.method} request cannot carry body parameters`);
  }
  return { body: JSON.stringify(gathered), json: gathered, contentType: 'application/json' };
}

/** The object at `path` inside `body`, made where missing; a caller's object met on the way is copied, never changed. */
function member(body: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let at = body;
  for (const name of path) {
    const next = Object.hasOwn(at, name) ? at[name] : undefined;
    const made: Record<string, unknown> = typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
    put(at, name, made);
    at = made;
  }
  return at;
}

async function encodeWholeBody(op: OperationSpec, value: unknown, encoding: BodyEncoding, contentType: string): Promise<EncodedBody> {
  const properties = op.body?.properties ?? [];
  switch (encoding) {
    case 'json':
      return { body: JSON.stringify(value), json: value, contentType };
    case 'text':
      return { body: toWireString(value), json: undefined, contentType };
    case 'form':
      return { body: formUrlEncoded(value, properties), json: undefined, contentType };
    case 'multipart':
      return { body: multipart(value, properties, op.body?.order), json: undefined, contentType: undefined };
    case 'binary':
      return { body: await toBytes(op, value), json: undefined, contentType: concreteType(contentType, value) };
    case 'any':
      return anyBody(op, value);
  }
}

/** A wildcard media type (`image/*`) cannot be sent: the Blob's own type, else octet-stream. */
function concreteType(contentType: string, value: unknown): string {
  if (!contentType.includes('*')) return contentType;
  return value instanceof Blob && value.type !== '' ? value.type : 'application/octet-stream';
}

/** A `*\/*` body goes as it is: bytes with their type, text as text, anything else as JSON. */
async function anyBody(op: OperationSpec, value: unknown): Promise<EncodedBody> {
  if (isBytes(value)) return { body: await toBytes(op, value), json: undefined, contentType: concreteType('*/*', value) };
  if (typeof value === 'string') return { body: value, json: undefined, contentType: 'text/plain;charset=UTF-8' };
  return { body: JSON.stringify(value), json: value, contentType: 'application/json' };
}

const isBytes = (v: unknown): v is Blob | ArrayBuffer | ArrayBufferView => v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v);

function ownEntries(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null ? Object.entries(value) : [];
}

const encodingOf = (properties: readonly PropertyEncodingSpec[], name: string): PropertyEncodingSpec | undefined => properties.find((e) => e.name === name);

/** Each field serialised by its Encoding Object (default: form, exploded), e.g. `metadata[order_id]=42` for deepObject. */
function formUrlEncoded(value: unknown, properties: readonly PropertyEncodingSpec[]): string {
  return joinPairs(ownEntries(value).flatMap(([name, field]) => pairs(name, field, { ...encodingOf(properties, name), encode: formEncode })));
}

/**
 * One part per field (arrays: one per item), in the schema's property order where the spec
 * gives one (Box reads `attributes` before `file`): bytes as a file part with a filename (a
 * File's own name, else the field's), objects as JSON text, or as `name[key]` fields when the
 * spec's encoding says deepObject (Stripe's `file_link_data[create]`).
 */
function multipart(value: unknown, properties: readonly PropertyEncodingSpec[], order: readonly string[] | undefined): FormData {
  const form = new FormData();
  const entries = ownEntries(value);
  if (order) {
    const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
    entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  }
  for (const [name, field] of entries) {
    const enc = encodingOf(properties, name);
    if (enc?.style === 'deepObject' && typeof field === 'object' && field !== null && !isBytes(field)) {
      for (const [k, v] of pairs(name, field, { style: 'deepObject', encode: (t) => t })) form.append(k, v);
      continue;
    }
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item, item instanceof File ? item.name : name);
      else if (isBytes(item)) form.append(name, new Blob([bytesOf(item as ArrayBuffer | ArrayBufferView)], { type: enc?.contentType ?? 'application/octet-stream' }), name);
      else form.append(name, toWireString(item));
    }
  }
  return form;
}

function bytesOf(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  const view = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  // a copy: a Blob needs its own ArrayBuffer-backed bytes
  return new Uint8Array(view);
}

async function toBytes(op: OperationSpec, value: unknown): Promise<Uint8Array> {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
  if (typeof value === 'string') return new TextEncoder().encode(value);
  throw new ValidationError(op.id, 'request', [
    { path: op.body?.key ?? '(body)', message: 'binary body must be a Uint8Array, ArrayBuffer, Blob or string' },
  ]);
}
