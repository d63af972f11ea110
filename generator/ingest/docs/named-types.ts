import type { Diagnostic } from '../../diagnostics/types.js';
import type { NamedType, TypeRef } from '../../ir/types.js';
import { describeType } from '../../ir/describe.js';

/** Structural signature of a named type: names, types and required flags (not prose). */
function signature(t: NamedType): string {
  const type: TypeRef = t.type;
  if (type.kind === 'object') return type.fields.map((f) => `${f.name}:${describeType(f.type)}:${f.required}`).join(';');
  return describeType(type);
}

/**
 * One definition per named type. Pages repeat the structures they use; when they disagree the
 * most common definition wins and each other variant is reported once, naming both places.
 */
export function mergeTypes(all: NamedType[], diagnostics: Diagnostic[]): NamedType[] {
  const byName = new Map<string, NamedType[]>();
  for (const t of all) {
    const list = byName.get(t.name);
    if (list) list.push(t);
    else byName.set(t.name, [t]);
  }
  const out: NamedType[] = [];
  for (const name of [...byName.keys()].sort()) {
    const defs = byName.get(name)!;
    const variants = new Map<string, NamedType[]>();
    for (const d of defs) {
      const sig = signature(d);
      const list = variants.get(sig);
      if (list) list.push(d);
      else variants.set(sig, [d]);
    }
    const ranked = [...variants.values()].sort(
      (a, b) => b.length - a.length || (a[0]!.source.file < b[0]!.source.file ? -1 : 1),
    );
    const winner = ranked[0]!;
    out.push(winner[0]!);
    for (const variant of ranked.slice(1)) {
      diagnostics.push({
        code: 'ir-conflicting-type',
        severity: 'warning',
        message: `${name} is defined differently on ${variant.length} page(s) than on ${winner.length} other(s): ${diffFields(winner[0]!, variant[0]!)}; the definition of the ${winner.length} is used`,
        location: variant[0]!.source,
        related: [{ message: `${name} as used`, location: winner[0]!.source }],
      });
    }
  }
  return out;
}

function diffFields(a: NamedType, b: NamedType): string {
  if (a.type.kind !== 'object' || b.type.kind !== 'object') return `${describeType(b.type)} vs ${describeType(a.type)}`;
  const fa = new Map(a.type.fields.map((f) => [f.name, f]));
  const fb = new Map(b.type.fields.map((f) => [f.name, f]));
  const notes: string[] = [];
  for (const [n, f] of fb) {
    const g = fa.get(n);
    if (!g) notes.push(`+${n}`);
    else {
      if (describeType(f.type) !== describeType(g.type)) notes.push(`${n}: ${describeType(f.type)} vs ${describeType(g.type)}`);
      if (f.required !== g.required) notes.push(`${n}: required ${f.required} vs ${g.required}`);
    }
  }
  for (const n of fa.keys()) if (!fb.has(n)) notes.push(`-${n}`);
  const shown = notes.slice(0, 4).join(', ');
  return notes.length > 4 ? `${shown} and ${notes.length - 4} more` : shown || 'field order';
}
