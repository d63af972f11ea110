import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import type { JsonValue, NamedType, TypeRef } from '../../ir/types.js';
import type { UntypedArray } from './field-table.js';

/** An array field of the page without an item type, with the sample of its value when there is one. */
export interface ArrayToType extends UntypedArray {
  sample?: JsonValue;
}

/**
 * Types the items of `array` fields that do not state them (`| data | array | … |`): with the
 * primitive type of its sample when that is a list of strings, numbers or booleans; otherwise
 * with the one data structure of the page that fits:
 * - candidates are the page's object structures that nothing on the page refers to (a structure
 *   the page defines for a reason it does not state);
 * - when the field's sample (the response sample's value, or the Sample cell) shows objects, a
 *   candidate fits when every key they use is one of its fields;
 * - with no sample, the candidate fits only when it is the page's only such structure and the
 *   field the page's only untyped array.
 * A field typed so gets an info diagnostic naming the evidence; the others keep unknown items
 * and are reported (md-array-item-type-unknown) as before.
 */
export function typeArrayItems(arrays: readonly ArrayToType[], types: readonly NamedType[], pageRefs: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
  const orphans = types.filter((t) => t.type.kind === 'object' && t.type.fields.length > 0 && !pageRefs.has(t.name));
  for (const a of arrays) {
    const name = a.field.name;
    const primitive = samplePrimitive(a.sample);
    if (primitive) {
      a.field.type = withItems(a.field.type, { kind: primitive });
      diagnostics.push(diagnostic('md-array-item-type-inferred', `"${name}" is an array whose item type is not stated; its items are read as ${primitive}: its sample is a list of ${primitive}s`, a.location));
      continue;
    }
    const keys = sampleKeys(a.sample);
    const fits = orphans.filter((t) => keys === undefined || keys.every((k) => fieldNames(t).has(k)));
    const alone = arrays.length === 1 && orphans.length === 1;
    const dto = fits.length === 1 && (keys !== undefined || alone) ? fits[0]! : undefined;
    if (!dto) {
      diagnostics.push(diagnostic('md-array-item-type-unknown', `"${name}" is an array whose item type is not stated`, a.location));
      continue;
    }
    a.field.type = withItems(a.field.type, { kind: 'ref', name: dto.name });
    const why =
      keys === undefined
        ? `the only data structure on the page that nothing refers to`
        : `the data structure on the page that nothing refers to whose fields hold the keys of the sample (${keys.join(', ')})`;
    diagnostics.push(diagnostic('md-array-item-type-inferred', `"${name}" is an array whose item type is not stated; its items are read as ${dto.name}: ${why}`, a.location, [{ message: `${dto.name} defined here`, location: dto.source }]));
  }
}

const fieldNames = (t: NamedType): Set<string> => new Set(t.type.kind === 'object' ? t.type.fields.map((f) => f.name) : []);

/** The primitive type of every element of a sample list (`["a", "b"]` → string), if they share one. */
function samplePrimitive(sample: JsonValue | undefined): 'string' | 'number' | 'boolean' | undefined {
  if (!Array.isArray(sample) || sample.length === 0) return undefined;
  const kinds = new Set(sample.map((x) => typeof x));
  const [only] = kinds;
  return kinds.size === 1 && (only === 'string' || only === 'number' || only === 'boolean') ? only : undefined;
}

/** Keys of the objects a sample shows (an array of objects, or one object where a list was due). */
function sampleKeys(sample: JsonValue | undefined): string[] | undefined {
  const objects = (Array.isArray(sample) ? sample : [sample]).filter((x): x is Record<string, JsonValue> => x !== null && typeof x === 'object' && !Array.isArray(x));
  if (objects.length === 0) return undefined;
  const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return keys.length > 0 ? keys : undefined;
}

/** The array type with its innermost unknown items replaced. */
function withItems(type: TypeRef, items: TypeRef): TypeRef {
  if (type.kind !== 'array') return type;
  return { kind: 'array', items: type.items.kind === 'unknown' ? items : withItems(type.items, items) };
}
