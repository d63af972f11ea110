import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api } from '../../ir/types.js';
import { allMethods } from '../../ir/walk.js';

/** A request parameter with an empty Description cell: callers are left guessing. */
export function checkParameterDescriptions(api: Api): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of allMethods(api)) {
    for (const p of m.parameters) {
      if ((p.description ?? '').trim() !== '') continue;
      const written = m.docs.find((d) => d.file === p.source.file)?.writtenName;
      out.push({
        code: 'lint-parameter-description-missing',
        severity: 'warning',
        message: `parameter "${p.name}" of ${written ?? `${m.client}.${m.id}`} has no description`,
        location: p.source,
      });
    }
  }
  return out;
}
