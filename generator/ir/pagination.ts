import { splitWords } from '../naming/words.js';
import type { Api, Evidence, Field, Method, Pagination, SourceLocation, TypeRef } from './types.js';

/**
 * Finds the methods that page through a list, by general rules on their parameters and their
 * success response, and records the pattern on the method with the facts that decided it:
 *
 * - `page-total-list`: a page number parameter (`page`), a page size (`limit`, `pageSize`,
 *   `per_page`, `size`), and a response object holding the list (`list`, `items`, `records`,
 *   `results`, `rows`, `data`) beside its total (`totalCount`, `total`, `count`);
 * - `link-header`: the success response declares a `Link` header (RFC 8288: the next page's URL)
 *   and its payload is a list, or an object with one list in it;
 * - `cursor-echo`: a cursor parameter (`cursor`, `pageToken`, `after`, `starting_after`, …) and a
 *   response field that echoes it for the next page (`nextCursor`, `next_page_token`, `endCursor`).
 *
 * Parameters are looked for at the top level and inside object parameters (docs pages nest
 * `pagination: { page, limit }` in an options object); the response up to three objects deep.
 */
export function detectPagination(api: Api): void {
  const types = new Map(api.types.map((t) => [t.name, t.type]));
  const resolve = (t: TypeRef): TypeRef => {
    const seen = new Set<string>();
    while (t.kind === 'ref' && !seen.has(t.name)) {
      seen.add(t.name);
      const next = types.get(t.name);
      if (!next) break;
      t = next;
    }
    return t;
  };
  for (const c of api.clients) {
    for (const m of c.methods) {
      const p = detect(m, resolve);
      if (p) m.pagination = p;
      else delete m.pagination;
    }
  }
}

type Resolve = (t: TypeRef) => TypeRef;

interface Found {
  path: string[];
  field: Field;
}

const words = (name: string): string => splitWords(name).join(' ');
const oneOf = (name: string, list: readonly string[]): boolean => list.includes(words(name));

const PAGE = ['page', 'page no', 'page num', 'page number', 'page index'];
const SIZE = ['limit', 'per page', 'page size', 'size', 'page limit'];
const ITEMS = ['list', 'items', 'records', 'results', 'rows', 'data'];
const TOTAL = ['total count', 'total', 'count', 'total size'];
const CURSOR = ['cursor', 'page token', 'next token', 'continuation token', 'continuation', 'starting after', 'after', 'page cursor'];

/** `T | null` (a nullable field) read as `T`. */
const nonNull = (t: TypeRef): TypeRef => {
  if (t.kind !== 'union') return t;
  const rest = t.variants.filter((v) => v.kind !== 'null');
  return rest.length === 1 ? rest[0]! : t;
};
const isNumber = (t: TypeRef): boolean => {
  const n = nonNull(t);
  return n.kind === 'integer' || n.kind === 'number' || (n.kind === 'enum' && n.base !== 'string' && n.base !== 'boolean');
};
const isString = (t: TypeRef): boolean => nonNull(t).kind === 'string';

/** Fields of an object type (refs resolved), or none. */
const fieldsOf = (t: TypeRef, resolve: Resolve): Field[] => {
  const r = resolve(t);
  return r.kind === 'object' ? r.fields : [];
};

/** Parameters, and fields of object parameters up to `depth` levels down, with their paths. */
function parameterFields(m: Method, resolve: Resolve, depth = 2): Found[] {
  const out: Found[] = [];
  const visit = (fields: readonly Field[], prefix: string[], level: number): void => {
    for (const f of fields) {
      out.push({ path: [...prefix, f.name], field: f });
      if (level < depth) visit(fieldsOf(f.type, resolve), [...prefix, f.name], level + 1);
    }
  };
  visit(m.parameters, [], 0);
  return out;
}

/** Objects of the response, the payload first, then breadth-first up to three levels down. */
function responseObjects(type: TypeRef, resolve: Resolve): { path: string[]; fields: Field[] }[] {
  const out: { path: string[]; fields: Field[] }[] = [];
  const queue: { path: string[]; type: TypeRef }[] = [{ path: [], type }];
  while (queue.length > 0) {
    const { path, type: t } = queue.shift()!;
    const fields = fieldsOf(t, resolve);
    if (fields.length === 0) continue;
    out.push({ path, fields });
    if (path.length < 3) for (const f of fields) queue.push({ path: [...path, f.name], type: f.type });
  }
  return out;
}

const fact = (text: string, source: SourceLocation): Evidence => ({ fact: text, source });

function detect(m: Method, resolve: Resolve): Pagination | undefined {
  const params = parameterFields(m, resolve);
  const pageParam = params.find((p) => oneOf(p.field.name, PAGE) && isNumber(resolve(p.field.type)));
  const sizeParam = pageParam && params.find((p) => p.path.length === pageParam.path.length && p.path.slice(0, -1).join('.') === pageParam.path.slice(0, -1).join('.') && oneOf(p.field.name, SIZE) && isNumber(resolve(p.field.type)));
  const response = m.response.type;
  const paramFact = (p: Found, role: string): Evidence => fact(`${role} parameter ${p.path.join('.')} (${resolve(p.field.type).kind})`, p.field.source);
  const pageFacts = (): Evidence[] => [...(pageParam ? [paramFact(pageParam, 'page number')] : []), ...(sizeParam ? [paramFact(sizeParam, 'page size')] : [])];
  const pageFields = (): Partial<Pagination> => ({
    ...(pageParam ? { page: pageParam.path, firstPage: typeof pageParam.field.default === 'number' ? pageParam.field.default : 1 } : {}),
    ...(sizeParam ? { size: sizeParam.path } : {}),
  });

  // page number + a list beside its total
  if (pageParam) {
    for (const o of responseObjects(response, resolve)) {
      const list = o.fields.find((f) => oneOf(f.name, ITEMS) && resolve(f.type).kind === 'array');
      const total = o.fields.find((f) => oneOf(f.name, TOTAL) && isNumber(resolve(f.type)));
      if (!list || !total) continue;
      const at = (f: Field): string[] => [...o.path, f.name];
      return {
        kind: 'page',
        rule: 'page-total-list',
        ...pageFields(),
        items: at(list),
        total: at(total),
        item: (resolve(list.type) as { items: TypeRef }).items,
        evidence: [...pageFacts(), fact(`response list ${at(list).join('.')}`, list.source), fact(`response total ${at(total).join('.')}`, total.source)],
      };
    }
  }

  // the Link header of the response, and a list payload
  const link = m.response.headers?.find((h) => h.name.toLowerCase() === 'link');
  if (link) {
    const list = listOf(response, resolve);
    if (list) {
      return {
        kind: 'link',
        rule: 'link-header',
        ...pageFields(),
        items: list.path,
        item: list.item,
        evidence: [fact('response header Link (the next page\'s URL)', link.source), ...pageFacts(), fact(list.path.length > 0 ? `response list ${list.path.join('.')}` : 'the response is a list', list.source ?? m.response.source)],
      };
    }
  }

  // a cursor parameter echoed by a response field
  const cursor = params.find((p) => oneOf(p.field.name, CURSOR) && isString(resolve(p.field.type)));
  if (cursor) {
    const want = splitWords(cursor.field.name).filter((w) => w !== 'starting');
    for (const o of responseObjects(response, resolve)) {
      const next = o.fields.find((f) => {
        if (!isString(resolve(f.type))) return false;
        const w = splitWords(f.name);
        const rest = ['next', 'end', 'last'].includes(w[0]!) ? w.slice(1) : w;
        return rest.join(' ') === want.join(' ') || (['next', 'end'].includes(w[0]!) && rest.join(' ') === 'cursor');
      });
      const list = next && listOf(response, resolve);
      if (!next || !list) continue;
      const at = [...o.path, next.name];
      return {
        kind: 'cursor',
        rule: 'cursor-echo',
        cursor: cursor.path,
        nextCursor: at,
        items: list.path,
        item: list.item,
        evidence: [paramFact(cursor, 'cursor'), fact(`response field ${at.join('.')} gives the next cursor`, next.source), fact(list.path.length > 0 ? `response list ${list.path.join('.')}` : 'the response is a list', list.source ?? m.response.source)],
      };
    }
  }
  return undefined;
}

/** The list of a payload: the payload itself, or the one array field of an object (by a list name when several). */
function listOf(type: TypeRef, resolve: Resolve): { path: string[]; item: TypeRef; source?: SourceLocation } | undefined {
  const t = resolve(type);
  if (t.kind === 'array') return { path: [], item: t.items };
  for (const o of responseObjects(type, resolve)) {
    const arrays = o.fields.filter((f) => resolve(f.type).kind === 'array');
    const pick = arrays.length === 1 ? arrays[0] : arrays.find((f) => oneOf(f.name, ITEMS));
    if (pick) return { path: [...o.path, pick.name], item: (resolve(pick.type) as { items: TypeRef }).items, source: pick.source };
  }
  return undefined;
}
