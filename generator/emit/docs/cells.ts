import type { Html, PhrasingContent, TableCell, Text } from 'mdast';
import type { Constraints, JsonValue, TypeRef } from '../../ir/types.js';
import { toMarkdown } from './markdown.js';

/**
 * Table cells as mdast. IR descriptions are already markdown (with "\n" where the page had
 * `<br>`): re-parsing and re-serialising them would rewrite their escapes and list markers, and
 * reading the page back would no longer give the same text. So the prose goes in as raw
 * markdown chunks, and only what would break a table row goes through the serialiser as
 * structure: each `|` is a text node (remark-gfm escapes it as `\|`), each line break a `<br>`.
 */

const html = (value: string): Html => ({ type: 'html', value });
const text = (value: string): Text => ({ type: 'text', value });

export function cell(children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}

/** Markdown prose (a description) as the phrasing of one table cell. */
export function proseCell(markdown: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const lines = markdown.split(/\r?\n/).map((l) => l.trim());
  lines.forEach((line, i) => {
    if (i > 0) out.push(html('<br>'));
    line.split('|').forEach((chunk, j) => {
      if (j > 0) out.push(text('|'));
      if (chunk !== '') out.push(html(chunk));
    });
  });
  return out;
}

const plainMemo = new Map<string, boolean>();

/** True when remark writes `value` as plain text unchanged (no escape needed). */
function isPlainText(value: string): boolean {
  if (value === '' || /[\n|]/.test(value)) return false;
  // letters, digits and inner `_`: never escaped, no need to ask remark (most field names)
  if (/^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/.test(value)) return true;
  let plain = plainMemo.get(value);
  if (plain === undefined) {
    plain = toMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [text(value)] }] }).trim() === value;
    if (plainMemo.size > 100_000) plainMemo.clear();
    plainMemo.set(value, plain);
  }
  return plain;
}

/** A name: plain when it reads back as itself, else in code (`__proto__` would be bold). */
export function nameCell(name: string): PhrasingContent[] {
  if (isPlainText(name)) return [text(name)];
  if (!name.includes('\n') && !name.includes('`')) return [{ type: 'inlineCode', value: name }];
  return [text(name.replace(/\s*\n\s*/g, ' '))];
}

/** An anchor-safe type name: used in `<a href="#Name">` and `<a id="Name">`. */
export const isAnchorName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);

export function typeLink(name: string): PhrasingContent[] {
  return isAnchorName(name) ? [html(`<a href="#${name}">${name}</a>`)] : nameCell(name);
}

/** How a type cell names a data structure: an anchor on the same page, or a link to its page. */
export type TypeLinker = (name: string) => PhrasingContent[];

/** The Type column: a primitive's name, a link to a data structure, `X[]` for arrays. */
export function typeCell(type: TypeRef, link: TypeLinker = typeLink): PhrasingContent[] {
  switch (type.kind) {
    case 'ref':
      return link(type.name);
    case 'array': {
      const inner = typeCell(type.items, link);
      return [...inner, html('[]')];
    }
    case 'enum':
      return [text(type.base)];
    case 'literal':
      return [text(typeof type.value === 'string' ? 'string' : typeof type.value === 'boolean' ? 'boolean' : 'number')];
    case 'unknown':
    case 'null':
      return [text('any')];
    case 'object':
    case 'map':
      return [text('object')];
    case 'union':
      return type.variants.flatMap((v, i) => (i === 0 ? typeCell(v, link) : [text(' | '), ...typeCell(v, link)]));
    default:
      return [text(type.kind)];
  }
}

/**
 * A multi-line string value cannot be a code span (a table row is one line). It can be plain
 * text with `<br>` when reading the cell as plain text gives it back: no tag or entity the
 * reader would drop or decode, no code span, no run of blanks, no blank at either end.
 */
function multiLinePlain(value: string): boolean {
  return (
    value === value.trim() &&
    !/<[A-Za-z/!]|&(?:amp|lt|gt|quot|#39|nbsp);|`|[ \t]{2}|\t|\n\s*\n/.test(value) &&
    !/^\s*-\s*$/.test(value)
  );
}

/**
 * A Default or Sample value. Values go in code so they read back exactly (plain text would be
 * whitespace-collapsed and stripped of tags); a simple default stays plain, as published.
 * A multi-line string is written with `<br>` where that reads back the same, else on one line.
 */
export function valueCell(value: JsonValue | undefined, plainWhenSimple: boolean, none = ''): PhrasingContent[] {
  if (value === undefined) return none ? [text(none)] : [];
  if (typeof value === 'string' && /\r?\n/.test(value) && multiLinePlain(value)) {
    const out: PhrasingContent[] = [];
    value.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) out.push(html('<br>'));
      line.split('|').forEach((chunk, j) => {
        if (j > 0) out.push(text('|'));
        if (chunk !== '') out.push(html(chunk));
      });
    });
    return out;
  }
  const written = typeof value === 'string' ? value.replace(/\s*\r?\n\s*/g, ' ') : JSON.stringify(value);
  if (written === '') return [];
  if (plainWhenSimple && typeof value === 'string' && written !== none && /^[\w.:@/+-]+$/.test(written) && isPlainText(written)) return [text(written)];
  return [{ type: 'inlineCode', value: written }];
}

/** The facts a type's schema checks beyond its kind, in words: formats, bounds, patterns. */
export function constraintParts(type: TypeRef): PhrasingContent[][] {
  switch (type.kind) {
    case 'string':
    case 'number':
    case 'integer':
      return [...(type.format ? [[text(`format: ${type.format}`)]] : []), ...boundParts(type.constraints)];
    case 'array': {
      const each = constraintParts(type.items);
      const own = boundParts(type.constraints);
      return each.length > 0 ? [...own, [text('each item: '), ...joinParts(each)]] : own;
    }
    case 'union':
      return type.variants.flatMap(constraintParts);
    default:
      return [];
  }
}

/** The Constraints cell: the parts joined by "; ". */
export function constraintsCell(type: TypeRef): PhrasingContent[] {
  return joinParts(constraintParts(type));
}

function joinParts(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((p, i) => (i === 0 ? p : [text('; '), ...p]));
}

const range = (what: string, min: number | undefined, max: number | undefined): string | undefined => {
  if (min !== undefined && min === max) return `${what} ${min}`;
  if (min !== undefined && max !== undefined) return `${what} ${min}–${max}`;
  if (min !== undefined) return `${what} ≥ ${min}`;
  if (max !== undefined) return `${what} ≤ ${max}`;
  return undefined;
};

function boundParts(c: Constraints | undefined): PhrasingContent[][] {
  if (!c) return [];
  const words = [
    range('length', c.minLength, c.maxLength),
    range('items', c.minItems, c.maxItems),
    c.minimum !== undefined ? `≥ ${c.minimum}` : undefined,
    c.exclusiveMinimum !== undefined ? `> ${c.exclusiveMinimum}` : undefined,
    c.maximum !== undefined ? `≤ ${c.maximum}` : undefined,
    c.exclusiveMaximum !== undefined ? `< ${c.exclusiveMaximum}` : undefined,
    c.multipleOf !== undefined ? `multiple of ${c.multipleOf}` : undefined,
    c.uniqueItems ? 'unique items' : undefined,
  ];
  const parts: PhrasingContent[][] = words.filter((w): w is string => w !== undefined).map((w) => [text(w)]);
  if (c.pattern !== undefined) {
    // one line in a table row: a pattern with a line break is shown with it as \n
    const pattern: PhrasingContent[] = [text('pattern '), { type: 'inlineCode', value: c.pattern.replace(/\r?\n/g, '\\n') }];
    if (c.patternUnchecked) pattern.push(text(' (not checked)'));
    parts.push(pattern);
  }
  return parts;
}
