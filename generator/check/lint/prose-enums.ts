import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api, Field, SourceLocation } from '../../ir/types.js';
import { allMethods } from '../../ir/walk.js';

interface EnumUse {
  where: string;
  values: string[];
  source: SourceLocation;
}

/**
 * Below this overlap (shared values / all values) two lists are taken to describe different
 * things that share a name (`status` of a user and of a job), not one list written two ways.
 */
const SAME_CONCEPT_OVERLAP = 0.5;

/**
 * Fields and parameters of one name whose allowed values are listed in prose on several pages,
 * differently. One DTO defined two ways is `conflicting-type`; this is the same concept
 * (`userIdType`) documented on different methods with lists that drifted apart.
 */
export function checkProseEnums(api: Api): Diagnostic[] {
  const byName = new Map<string, EnumUse[]>();
  const collect = (fields: readonly Field[], owner: string): void => {
    for (const f of fields) {
      if (f.type.kind !== 'enum') continue;
      const values = [...new Set(f.type.values.map((v) => String(v.value)))].sort();
      const list = byName.get(f.name) ?? [];
      list.push({ where: `${owner}${f.name}`, values, source: f.source });
      byName.set(f.name, list);
    }
  };
  for (const t of api.types) if (t.type.kind === 'object') collect(t.type.fields, `${t.name}.`);
  for (const m of allMethods(api)) collect(m.parameters, `${m.client}.${m.id}: parameter `);

  const out: Diagnostic[] = [];
  for (const name of [...byName.keys()].sort()) {
    const uses = byName.get(name)!;
    const variants = new Map<string, EnumUse[]>();
    for (const u of uses) {
      const key = u.values.join('\u0000');
      variants.set(key, [...(variants.get(key) ?? []), u]);
    }
    if (variants.size < 2) continue;
    const ranked = [...variants.values()].sort((a, b) => b.length - a.length || (a[0]!.source.file < b[0]!.source.file ? -1 : 1));
    const common = ranked[0]!;
    const commonValues = new Set(common[0]!.values);
    for (const variant of ranked.slice(1)) {
      const values = variant[0]!.values;
      const shared = values.filter((v) => commonValues.has(v)).length;
      const all = new Set([...values, ...commonValues]).size;
      if (shared / all < SAME_CONCEPT_OVERLAP) continue;
      const missing = [...commonValues].filter((v) => !values.includes(v));
      const extra = values.filter((v) => !commonValues.has(v));
      const notes = [missing.length ? `lacks ${missing.join(', ')}` : '', extra.length ? `adds ${extra.join(', ')}` : ''].filter(Boolean).join(' and ');
      for (const u of variant) {
        out.push({
          code: 'lint-prose-enum-disagreement',
          severity: 'warning',
          message: `"${name}" lists the values ${values.join(', ')} here; ${common.length} other place(s) list ${[...commonValues].join(', ')} (this list ${notes})`,
          location: u.source,
          related: [{ message: `${common[0]!.where}: ${[...commonValues].join(', ')}`, location: common[0]!.source }],
        });
      }
    }
  }
  return out;
}
