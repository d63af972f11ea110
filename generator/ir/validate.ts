import type { Diagnostic } from '../diagnostics/types.js';
import type { Api, SourceLocation, TypeRef } from './types.js';
import { walkType } from './walk.js';

/**
 * Checks an API on construction: every type reference resolves, no method or named type is
 * defined twice. Each finding names the places involved.
 */
export function validateApi(api: Api): Diagnostic[] {
  const out: Diagnostic[] = [];
  const types = new Map<string, SourceLocation>();
  for (const t of api.types) {
    const prev = types.get(t.name);
    if (prev) {
      out.push({
        code: 'ir-conflicting-type',
        severity: 'warning',
        message: `named type ${t.name} is defined twice`,
        location: t.source,
        related: [{ message: 'first defined here', location: prev }],
      });
    } else types.set(t.name, t.source);
  }
  const unresolved = new Map<string, { location: SourceLocation; count: number; first: SourceLocation }>();
  const check = (type: TypeRef, where: SourceLocation): void =>
    walkType(type, (t) => {
      if (t.kind !== 'ref' || types.has(t.name)) return;
      const u = unresolved.get(t.name);
      if (u) u.count++;
      else unresolved.set(t.name, { location: where, count: 1, first: where });
    });
  for (const t of api.types) {
    if (t.type.kind === 'object') for (const f of t.type.fields) check(f.type, f.source);
    else check(t.type, t.source);
  }
  for (const c of api.clients) {
    const seen = new Map<string, SourceLocation>();
    for (const m of c.methods) {
      const prev = seen.get(m.id);
      if (prev) {
        out.push({
          code: 'ir-duplicate-method',
          severity: 'error',
          message: `${c.name}.${m.id} is defined twice`,
          location: m.source,
          related: [{ message: 'first defined here', location: prev }],
        });
      } else seen.set(m.id, m.source);
      for (const p of m.parameters) check(p.type, p.source);
      if (m.requestBody) check(m.requestBody.type, m.requestBody.source);
      check(m.response.type, m.response.source);
    }
  }
  for (const [name, u] of [...unresolved.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push({
      code: 'ir-unresolved-type',
      severity: 'error',
      message: `type ${name} is referenced but defined nowhere${u.count > 1 ? ` (${u.count} references)` : ''}`,
      location: u.location,
    });
  }
  return out;
}
