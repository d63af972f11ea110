// Turns an operation's args object into URL, headers and body, as the wire expects them.
import { SdkError, ValidationError } from './errors.js';
import type { BodyEncoding, OperationSpec } from './types.js';

type Args = Readonly<Record<string, unknown>>;

/** `api.genauth.ai/` → `https://api.genauth.ai`: a missing scheme means https; no trailing slash. */
export function normaliseHost(host: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  return withScheme.replace(/\/+$/, '');
}

/** Scalars as text; Dates as ISO 8601; objects as JSON (what the published SDK signs too). */
export function toWireString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** An argument, read only from the object's own keys (never an inherited `constructor` or `toString`). */
function arg(args: Args, key: string): unknown {
  return Object.hasOwn(args, key) ? args[key] : undefined;
}

/** Sets a key as an own property: plain assignment to `__proto__` would replace the prototype. */
function put(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Fills `{name}` placeholders with the URL-encoded path params. */
export function fillPath(op: OperationSpec, args: Args): string {
  return op.path.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => {
    const spec = op.params.find((p) => p.in === 'path' && p.name === name);
    const value = spec === undefined ? undefined : arg(args, spec.key);
    const where = spec?.key ?? name;
    if (value === undefined || value === null || value === '') {
      throw new ValidationError(op.id, 'request', [{ path: where, message: `path parameter ${placeholder} is required` }]);
    }
    const text = toWireString(value);
    // URL parsers resolve `.`/`..` segments even when written %2E, so no escaping can make them safe.
    if (text === '.' || text === '..') {
      throw new ValidationError(op.id, 'request', [{ path: where, message: `path parameter ${placeholder} cannot be "${text}"` }]);
    }
    return encodeURIComponent(text);
  });
}

/** Declared query params by wire name; undefined stays so request signing sees every declared key. */
export function queryValues(op: OperationSpec, args: Args): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const p of op.params) if (p.in === 'query') put(query, p.name, arg(args, p.key));
  return query;
}

/** Arrays as repeated keys, scalars stringified, undefined and null left out. */
export function appendQuery(url: URL, query: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      url.searchParams.append(name, toWireString(item));
    }
  }
}

/** Header params, plus cookie params folded into one `cookie` header. */
export function paramHeaders(op: OperationSpec, args: Args): Record<string, string> {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const p of op.params) {
    const value = arg(args, p.key);
    if (value === undefined || value === null) continue;
    if (p.in === 'header') put(headers, p.name, toWireString(value));
    if (p.in === 'cookie') cookies.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(toWireString(value))}`);
  }
  if (cookies.length > 0) headers['cookie'] = cookies.join('; ');
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
  for (const p of op.params) {
    const value = arg(args, p.key);
    if (p.in !== 'body' || value === undefined) continue;
    put(gathered, p.name, value);
    any = true;
  }
  if (!any) return NO_BODY;
  if (op.method === 'GET' || op.method === 'HEAD') {
    // fetch refuses a body on these; the operation spec is wrong, not the network.
    throw new SdkError(`${op.id}: a ${op.method} request cannot carry body parameters`);
  }
  return { body: JSON.stringify(gathered), json: gathered, contentType: 'application/json' };
}

async function encodeWholeBody(op: OperationSpec, value: unknown, encoding: BodyEncoding, contentType: string): Promise<EncodedBody> {
  switch (encoding) {
    case 'json':
      return { body: JSON.stringify(value), json: value, contentType };
    case 'text':
      return { body: toWireString(value), json: undefined, contentType };
    case 'form':
      return { body: formUrlEncoded(value).toString(), json: undefined, contentType };
    case 'multipart':
      return { body: multipart(value), json: undefined, contentType: undefined };
    case 'binary':
      return { body: await toBytes(op, value), json: undefined, contentType };
  }
}

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null ? Object.entries(value) : [];
}

function formUrlEncoded(value: unknown): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, field] of entriesOf(value)) {
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item !== undefined && item !== null) form.append(name, toWireString(item));
    }
  }
  return form;
}

function multipart(value: unknown): FormData {
  const form = new FormData();
  for (const [name, field] of entriesOf(value)) {
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, toWireString(item));
    }
  }
  return form;
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
