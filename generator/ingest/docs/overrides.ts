import type { Diagnostic } from '../../diagnostics/types.js';
import type { HttpVerb, Method, SourceLocation } from '../../ir/types.js';
import { HTTP_VERBS, placementOfVerb } from '../../formats/request-line.js';

/** File name of the overrides in an input folder: fixes for the HTTP rule's known misses. */
export const OVERRIDES_FILE = 'http-overrides.json';

interface OverrideEntry {
  verb?: string;
  path?: string;
}

/**
 * Applies `{ "ManagementClient.get_user_mfa_info": { "verb": "POST", "path": "/api/v3/x" } }`
 * to the methods (keys use the canonical snake-case id). Returns the methods changed in place
 * as new objects; unknown keys and bad values are diagnostics.
 */
export function applyOverrides(methods: Method[], file: string, text: string, diagnostics: Diagnostic[]): Method[] {
  const at = (needle: string): SourceLocation => {
    const i = text.indexOf(needle);
    if (i < 0) return { file, line: 1, column: 1 };
    const before = text.slice(0, i).split('\n');
    return { file, line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    diagnostics.push({ code: 'md-override-invalid', severity: 'error', message: `not valid JSON: ${(e as Error).message}`, location: { file, line: 1, column: 1 } });
    return methods;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ code: 'md-override-invalid', severity: 'error', message: 'expected an object of "Client.method_id": { verb, path }', location: { file, line: 1, column: 1 } });
    return methods;
  }
  const byKey = new Map(methods.map((m, i) => [`${m.client}.${m.id}`, i]));
  const out = [...methods];
  for (const [key, raw] of Object.entries(data as Record<string, OverrideEntry>)) {
    const loc = at(JSON.stringify(key));
    const i = byKey.get(key);
    if (i === undefined) {
      diagnostics.push({ code: 'md-override-invalid', severity: 'error', message: `no method ${key} (keys are Client.snake_case_id)`, location: loc });
      continue;
    }
    const m = out[i]!;
    const http = { ...m.http };
    if (raw.verb !== undefined) {
      const verb = String(raw.verb).toUpperCase() as HttpVerb;
      if (!HTTP_VERBS.includes(verb)) {
        diagnostics.push({ code: 'md-override-invalid', severity: 'error', message: `${key}: verb "${raw.verb}" is not an HTTP verb`, location: loc });
        continue;
      }
      http.verb = verb;
      http.verbOrigin = { kind: 'override', source: loc };
    }
    if (raw.path !== undefined) {
      if (typeof raw.path !== 'string' || !raw.path.startsWith('/')) {
        diagnostics.push({ code: 'md-override-invalid', severity: 'error', message: `${key}: path must start with "/"`, location: loc });
        continue;
      }
      http.path = raw.path;
      http.pathOrigin = { kind: 'override', source: loc };
    }
    const location = placementOfVerb(http.verb);
    out[i] = { ...m, http, parameters: m.parameters.map((p) => (p.in === 'query' || p.in === 'body' ? { ...p, in: location } : p)) };
  }
  return out;
}
