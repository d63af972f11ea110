/**
 * Safe TypeScript identifiers and property keys from names found in documents people edit.
 * A name is never trusted: it may be a reserved word, contain hyphens, start with a digit, or
 * be `__proto__`.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await async of type any unknown never ' +
    'object string number boolean symbol bigint undefined arguments eval constructor prototype'
  ).split(' '),
);

/** True when `name` is a word TypeScript reserves (or sdkforge treats as such): it gets a `_`. */
export const isReservedWord = (name: string): boolean => RESERVED.has(name);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be written as a bare property key (`{ name: ... }`, `x.name`). */
export function isPlainPropertyName(name: string): boolean {
  return IDENT.test(name) && name !== '__proto__';
}

/** A property key as source text: bare when safe, else a JSON string literal (`"user-id"`). */
export function propertyKey(name: string): string {
  return isPlainPropertyName(name) ? name : JSON.stringify(name);
}

/**
 * A safe identifier for a declaration (variable, class, function, parameter) derived from `name`:
 * non-identifier characters are dropped at word boundaries, a leading digit gets `_`, and
 * reserved words get a trailing `_`.
 */
export function safeIdentifier(name: string, fallback = 'value'): string {
  let id = name.replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
  if (!id) id = fallback;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/**
 * Hands out unique identifiers inside one scope: a second `userId` (or a name that becomes
 * `userId` after casing) gets `userId2`.
 */
export class IdentifierScope {
  private readonly used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }
  claim(name: string, fallback?: string): string {
    const base = safeIdentifier(name, fallback);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}${n}`;
    this.used.add(id);
    return id;
  }
}
