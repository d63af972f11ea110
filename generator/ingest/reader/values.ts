import type { JsonValue, TypeRef } from '../../ir/types.js';
import { nestingProblem } from '../../ir/values.js';
import { cellPlain, soleCodeSpan } from '../page/inline.js';

/** `too-deep`: JSON nested beyond MAX_NESTING, refused (nothing may walk it). */
export type ValueReading = { ok: true; value: JsonValue } | { ok: false; text: string } | { ok: 'none' } | { ok: 'too-deep' };

/**
 * Reads a Default value or Sample value cell as a value of the column's type.
 * `-` and empty mean none. A sample `true` for a boolean is the boolean true; for a string
 * it is the string "true". Arrays and objects are read as JSON.
 */
export function readTypedValue(raw: string, type: TypeRef, resolve: (name: string) => TypeRef | undefined): ValueReading {
  const code = soleCodeSpan(raw);
  const text = code ?? cellPlain(raw);
  if (text === '' || (code === undefined && (text === '-' || text === '—'))) return { ok: 'none' };
  return coerce(text, type, resolve, 0);
}

function coerce(text: string, type: TypeRef, resolve: (name: string) => TypeRef | undefined, depth: number): ValueReading {
  switch (type.kind) {
    case 'string':
    case 'literal':
      return { ok: true, value: text };
    case 'enum': {
      if (type.base === 'string') return { ok: true, value: text };
      return coerce(text, { kind: type.base } as TypeRef, resolve, depth);
    }
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return { ok: false, text };
      if (type.kind === 'integer' && !Number.isInteger(n)) return { ok: false, text };
      return { ok: true, value: n };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (t === 'true') return { ok: true, value: true };
      if (t === 'false') return { ok: true, value: false };
      return { ok: false, text };
    }
    case 'ref': {
      const target = depth < 8 ? resolve(type.name) : undefined;
      if (target) return coerce(text, target, resolve, depth + 1);
      return parseJson(text) ?? { ok: true, value: text };
    }
    case 'array':
    case 'object':
    case 'map':
    case 'union':
    case 'unknown':
    case 'null':
    case 'binary':
      return parseJson(text) ?? (type.kind === 'unknown' ? { ok: true, value: text } : { ok: false, text });
  }
}

function parseJson(text: string): ValueReading | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  return nestingProblem(value) ? { ok: 'too-deep' } : { ok: true, value };
}

const REQUIRED_YES = ['yes', 'y', 'true', 'required', '是', '必填', '必须'];
const REQUIRED_NO = ['no', 'n', 'false', 'optional', '否', '选填', '非必填', '-', ''];

/** The words of a Required cell (lower case, without the empty cell). */
export const REQUIRED_WORDS: readonly string[] = [...REQUIRED_YES, ...REQUIRED_NO].filter((w) => w !== '');

/** Reads a Required cell: yes/no in English and Chinese. */
export function readRequired(raw: string): boolean | undefined {
  const t = cellPlain(raw).toLowerCase().replace(/[.。]$/, '');
  if (REQUIRED_YES.includes(t)) return true;
  if (REQUIRED_NO.includes(t)) return false;
  return undefined;
}
