import type { TypeRef } from '../../ir/types.js';
import { anchorTargets, cellPlain } from '../page/inline.js';

const PRIMITIVES: Record<string, TypeRef> = {
  string: { kind: 'string' },
  str: { kind: 'string' },
  number: { kind: 'number' },
  float: { kind: 'number' },
  double: { kind: 'number' },
  integer: { kind: 'integer' },
  int: { kind: 'integer' },
  long: { kind: 'integer' },
  boolean: { kind: 'boolean' },
  bool: { kind: 'boolean' },
  object: { kind: 'object', fields: [], open: true },
  any: { kind: 'unknown' },
  map: { kind: 'map', values: { kind: 'unknown' } },
};

/** The words a Type cell starts with when it names no data structure. */
export const TYPE_WORDS: readonly string[] = [...Object.keys(PRIMITIVES), 'array', 'list', 'enum'];

export type TypeReading =
  | { ok: true; type: TypeRef; arrayWithoutItems?: boolean; declaredEnum?: boolean }
  | { ok: false; text: string };

/** "Nested type: <a href="#Dto">Dto</a>" / "嵌套类型：<a ...>" in a description: the type linked. */
export function nestedTypeIn(descriptionRaw: string): string | undefined {
  const m = /(?:nested\s+type|嵌套类型)[\s\S]*?<a\s+href\s*=\s*["']#([^"']+)["']/i.exec(descriptionRaw);
  return m ? m[1] : undefined;
}

/**
 * Reads a Type cell, with the description's "Nested type" link, into a type expression.
 * `array` + nested link → array of that type; a primitive + nested link → the linked type
 * (pages write `string` for a field whose values are a documented enum structure).
 */
export function readTypeCell(typeRaw: string, descriptionRaw: string, knownNames: ReadonlySet<string>): TypeReading {
  const nested = nestedTypeIn(descriptionRaw);
  const links = anchorTargets(typeRaw);
  let text = cellPlain(typeRaw);
  let arrayDepth = 0;
  while (text.endsWith('[]')) {
    arrayDepth++;
    text = text.slice(0, -2).trim();
  }
  const wrap = (t: TypeRef): TypeRef => {
    let out = t;
    for (let k = 0; k < arrayDepth; k++) out = { kind: 'array', items: out };
    return out;
  };
  if (links.length > 0) return { ok: true, type: wrap({ kind: 'ref', name: links[0]! }) };

  const lower = text.toLowerCase();
  if (lower === 'array' || lower === 'list') {
    if (nested) return { ok: true, type: wrap({ kind: 'array', items: { kind: 'ref', name: nested } }) };
    return { ok: true, type: wrap({ kind: 'array', items: { kind: 'unknown' } }), arrayWithoutItems: true };
  }
  if (lower === 'enum') return { ok: true, type: wrap({ kind: 'string' }), declaredEnum: true };
  const prim = PRIMITIVES[lower];
  if (prim) {
    if (nested && arrayDepth === 0) return { ok: true, type: { kind: 'ref', name: nested } };
    return { ok: true, type: wrap(prim) };
  }
  // a bare data-structure name (`StrResourceAuthAction`) in the Type column
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && (knownNames.has(text) || nested === text)) {
    return { ok: true, type: wrap({ kind: 'ref', name: text }) };
  }
  if (text === '' && nested && arrayDepth === 0) return { ok: true, type: { kind: 'ref', name: nested } };
  if (text === '') return { ok: false, text };
  if (/^[A-Z][A-Za-z0-9_]*$/.test(text)) return { ok: true, type: wrap({ kind: 'ref', name: text }) };
  return { ok: false, text };
}
