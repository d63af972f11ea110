// OpenAPI's parameter serialisation table (style × explode × primitive/array/object), for the
// path, query, header, cookie and form bodies. https://spec.openapis.org/oas/v3.1.0#style-examples
import type { ParamStyle, Serialization } from './types.js';

/** Scalars as text; Dates as ISO 8601; objects as JSON (what the published SDK signs too). */
export function toWireString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Blob) && !ArrayBuffer.isView(v);

/** Present entries of an array or object: `undefined` and `null` members are left out. */
const present = (v: unknown): boolean => v !== undefined && v !== null;
const entriesOf = (o: Record<string, unknown>): [string, unknown][] => Object.entries(o).filter(([, v]) => present(v));

/**
 * application/x-www-form-urlencoded text, as URLSearchParams writes it (space as `+`, only
 * `*-._` and alphanumerics bare), so values that were sent before read the same.
 */
export function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** `allowReserved`: RFC 3986's reserved characters stay bare, except the ones that would split the query (`&=#+`). */
function reservedBare(encoded: string): string {
  return encoded.replace(/%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => decodeURIComponent(m));
}

/** A `[name, value]` pair, both already encoded for where they go. */
export type Pair = [string, string];

export interface PairOptions extends Serialization {
  /** Encodes a name or value (formEncode for query and form bodies, identity for multipart names). */
  encode: (text: string) => string;
}

/**
 * The pairs of one query parameter or form field: `form` (explode: `id=3&id=4`, else
 * `id=3,4`), `spaceDelimited` (`id=3%204`), `pipeDelimited` (`id=3|4`), `deepObject`
 * (`id[role]=admin`; nested objects and arrays as Stripe's API reads them: `a[b][c]=1`,
 * `a[0]=x`). `undefined` and `null` send nothing; `''` sends `name=`.
 */
export function pairs(name: string, value: unknown, options: PairOptions): Pair[] {
  if (!present(value)) return [];
  const style: ParamStyle = options.style ?? 'form';
  const explode = options.explode ?? style === 'form';
  const encode = options.allowReserved ? (t: string): string => reservedBare(options.encode(t)) : options.encode;
  const key = encode(name);
  if (style === 'deepObject') return deepPairs(key, value, encode);
  const scalar = (v: unknown): string => encode(toWireString(v));
  if (Array.isArray(value)) {
    const items = value.filter(present);
    if (explode) return items.map((v) => [key, scalar(v)]);
    return items.length === 0 ? [] : [[key, items.map(scalar).join(delimiter(style))]];
  }
  if (isRecord(value)) {
    const entries = entriesOf(value);
    if (explode) return entries.map(([k, v]) => [encode(k), scalar(v)]);
    return entries.length === 0 ? [] : [[key, entries.flatMap(([k, v]) => [encode(k), scalar(v)]).join(delimiter(style))]];
  }
  return [[key, scalar(value)]];
}

function delimiter(style: ParamStyle): string {
  return style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
}

function deepPairs(prefix: string, value: unknown, encode: (t: string) => string): Pair[] {
  if (!present(value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => deepPairs(`${prefix}[${i}]`, v, encode));
  if (isRecord(value)) return entriesOf(value).flatMap(([k, v]) => deepPairs(`${prefix}[${encode(k)}]`, v, encode));
  return [[prefix, encode(toWireString(value))]];
}

/** `name=value&…` */
export const joinPairs = (list: readonly Pair[]): string => list.map(([k, v]) => `${k}=${v}`).join('&');

/**
 * A path parameter's text: `simple` (`3,4,5`; object `role,admin` or exploded `role=admin`),
 * `label` (`.3.4.5` exploded, `.3,4,5`), `matrix` (`;id=3;id=4` exploded, `;id=3,4`); each
 * value percent-encoded.
 */
export function pathText(name: string, value: unknown, s: Serialization): string {
  const style = s.style ?? 'simple';
  const explode = s.explode ?? false;
  const enc = (v: unknown): string => encodeURIComponent(toWireString(v));
  const key = encodeURIComponent(name);
  if (Array.isArray(value)) {
    const items = value.filter(present).map(enc);
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? items.map((i) => `;${key}=${i}`).join('') : `;${key}=${items.join(',')}`;
    return items.join(',');
  }
  if (isRecord(value)) {
    const entries = entriesOf(value);
    const flat = entries.flatMap(([k, v]) => [encodeURIComponent(k), enc(v)]).join(',');
    const assigned = (sep: string): string => entries.map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`).join(sep);
    if (style === 'label') return explode ? `.${assigned('.')}` : `.${flat}`;
    if (style === 'matrix') return explode ? `;${assigned(';')}` : `;${key}=${flat}`;
    return explode ? assigned(',') : flat;
  }
  const text = enc(value);
  if (style === 'label') return `.${text}`;
  if (style === 'matrix') return text === '' ? `;${key}` : `;${key}=${text}`;
  return text;
}

/** A header parameter's value (`simple`): `3,4,5`; object `role,admin` or exploded `role=admin`; not percent-encoded. */
export function headerText(value: unknown, s: Serialization): string {
  if (Array.isArray(value)) return value.filter(present).map(toWireString).join(',');
  if (isRecord(value)) {
    const entries = entriesOf(value);
    return s.explode ? entries.map(([k, v]) => `${k}=${toWireString(v)}`).join(',') : entries.flatMap(([k, v]) => [k, toWireString(v)]).join(',');
  }
  return toWireString(value);
}
