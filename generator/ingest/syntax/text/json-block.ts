import type { JsonValue } from '../../../ir/types.js';

/**
 * The extent of a JSON value that starts at line `start` (its first character `{` or `[`):
 * brackets are counted outside strings until they balance. Returns the index of its last line,
 * or undefined when it does not close before a blank line.
 */
export function jsonEnd(lines: readonly string[], start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > start && line.trim() === '' && depth > 0 && !inString) return undefined;
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (inString) {
        if (c === '\\') k++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i;
      }
    }
  }
  return undefined;
}

/**
 * Every value a JSON sample gives a key, as text (`"ss"` → ss, `true` → true), anywhere in it:
 * what a copied table's Sample value cell of a field of that name may hold.
 */
export function sampleValuesByKey(samples: readonly JsonValue[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (k: string, v: string): void => {
    let s = out.get(k);
    if (!s) out.set(k, (s = new Set()));
    s.add(v);
  };
  const walk = (v: JsonValue, depth: number): void => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (x === null || typeof x !== 'object') add(k, typeof x === 'string' ? x : JSON.stringify(x));
      else if (Array.isArray(x) && x.every((e) => e === null || typeof e !== 'object')) add(k, JSON.stringify(x));
      walk(x, depth + 1);
    }
  };
  for (const s of samples) walk(s, 0);
  return out;
}
