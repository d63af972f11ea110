import type { OptionalKind, JSDocStructure, JSDocTagStructure } from 'ts-morph';
import type { Field, JsonValue } from '../../ir/types.js';
import { stableStringify } from '../../ir/json.js';

/**
 * JSDoc text from documents people edit. A `*\/` would close the comment and turn the rest of
 * a description into code, a `/*` too (through ts-morph's writer); a line starting with `@`
 * would become a fake tag.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    // an opening `/*` confuses ts-morph's writer, which then closes the comment early
    .replace(/\/\*/g, '/\\*')
    .replace(/(^|\s)@(?=\w)/g, '$1\\@')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** A JSON value on one line, for `@defaultValue` / `@example`. */
export const jsonDoc = (value: JsonValue): string => docText(stableStringify(value, 0));

export interface DocParts {
  summary?: string | undefined;
  description?: string | undefined;
  tags?: { tagName: string; text?: string | undefined }[];
}

/** One JSDoc block, or none when there is nothing to say. */
export function jsDoc(parts: DocParts): OptionalKind<JSDocStructure>[] {
  const paragraphs = [parts.summary, parts.description].filter((p): p is string => Boolean(p && p.trim())).map(docText);
  // the title and the description are often the same sentence on docs pages
  const unique = paragraphs.filter((p, i) => paragraphs.indexOf(p) === i);
  const tags: OptionalKind<JSDocTagStructure>[] = (parts.tags ?? []).map((t) => ({
    tagName: t.tagName,
    ...(t.text ? { text: docText(t.text) } : {}),
  }));
  if (unique.length === 0 && tags.length === 0) return [];
  return [{ description: unique.join('\n\n'), tags }];
}

/** Tags describing a field: default, example, deprecation. */
export function fieldTags(field: Field): { tagName: string; text?: string }[] {
  const tags: { tagName: string; text?: string }[] = [];
  if (field.default !== undefined) tags.push({ tagName: 'defaultValue', text: jsonDoc(field.default) });
  if (field.example !== undefined) tags.push({ tagName: 'example', text: jsonDoc(field.example) });
  if (field.deprecated) tags.push({ tagName: 'deprecated' });
  return tags;
}

export function fieldDocs(field: Field): OptionalKind<JSDocStructure>[] {
  return jsDoc({ description: field.description, tags: fieldTags(field) });
}
