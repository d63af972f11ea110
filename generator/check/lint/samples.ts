import type { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/types.js';
import { describeType } from '../../ir/describe.js';
import type { Api, Field, JsonValue, SourceLocation, TypeRef } from '../../ir/types.js';
import { allMethods } from '../../ir/walk.js';
import { payloadLocation, type SampleLocator } from './sample-location.js';
import type { IrSchemas } from './zod-schema.js';

type PathKey = string | number;

/** A zod issue as lint reads it: where in the payload, and whether the value was simply absent. */
interface SampleProblem {
  path: PathKey[];
  missing: boolean;
  message: string;
}

function problems(schema: z.ZodType, value: unknown): SampleProblem[] {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: i.path.filter((k): k is PathKey => typeof k !== 'symbol'),
    missing: i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined,
    message: i.message,
  }));
}

const showPath = (path: readonly PathKey[]): string =>
  path.length === 0 ? '(the whole sample)' : path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

const showValue = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

function valueAt(value: unknown, path: readonly PathKey[]): unknown {
  let v = value;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PathKey, unknown>)[k] : undefined;
  return v;
}

/** The type the docs declare at a payload path, and the table row (field) that declares it. */
export function declaredAt(type: TypeRef, path: readonly PathKey[], api: Api): { type: TypeRef; field?: Field; owner?: string } {
  const byName = new Map(api.types.map((t) => [t.name, t.type]));
  let t = type;
  let field: Field | undefined;
  let owner: string | undefined;
  const deref = (x: TypeRef): TypeRef => {
    for (let n = 0; x.kind === 'ref' && n < 16; n++) {
      owner = x.name;
      const next = byName.get(x.name);
      if (!next) break;
      x = next;
    }
    return x;
  };
  for (const k of path) {
    t = deref(t);
    if (t.kind === 'union') t = deref(t.variants.find((v) => v.kind !== 'null') ?? t);
    if (typeof k === 'number' && t.kind === 'array') t = t.items;
    else if (typeof k === 'string' && t.kind === 'object') {
      const f = t.fields.find((x) => x.name === k);
      if (!f) break;
      field = f;
      t = f.type;
    } else if (t.kind === 'map') t = t.values;
    else break;
  }
  return { type: t, ...(field ? { field } : {}), ...(owner ? { owner } : {}) };
}

/**
 * Response samples and field/parameter sample values checked against their declared types with
 * the schemas the SDK validates with. A missing required field is its own (milder) rule: many
 * samples show the interesting part of a payload only.
 */
export async function checkSamples(api: Api, schemas: IrSchemas, locator: SampleLocator, alreadyReported: ReadonlySet<string>): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const m of allMethods(api)) {
    const sample = m.response.sample;
    if (sample === undefined || m.response.type.kind === 'unknown') continue;
    const found = problems(schemas.of(m.response.type), sample);
    if (found.length === 0) continue;
    const where = await locator.locate(m.response.source.file, sample);
    for (const p of found) {
      const location = where ? payloadLocation(where, p.path) : m.response.source;
      out.push(sampleDiagnostic(api, m.response.type, sample, p, location, 'response sample'));
    }
  }
  const fieldSamples = (fields: readonly Field[], owner: string): void => {
    for (const f of fields) {
      if (f.example === undefined) continue;
      // the ingester reported this one already (a value it could not read as the column's type)
      if (alreadyReported.has(`${f.source.file}:${f.source.line}`)) continue;
      for (const p of problems(schemas.of(f.type), f.example)) {
        if (p.missing) continue;
        out.push(sampleValueDiagnostic(api, f, f.example, p, `${owner}${f.name}`));
      }
    }
  };
  for (const t of api.types) if (t.type.kind === 'object') fieldSamples(t.type.fields, `${t.name}.`);
  for (const m of allMethods(api)) fieldSamples(m.parameters, 'parameter ');
  return out;
}

/** A Sample value cell of a table: a milder rule than the response sample (cells are often shorthand). */
function sampleValueDiagnostic(api: Api, f: Field, example: JsonValue, p: SampleProblem, name: string): Diagnostic {
  const declared = declaredAt(f.type, p.path, api);
  const inside = p.path.length > 0 ? ` at ${showPath(p.path)} (${showValue(valueAt(example, p.path))})` : '';
  return {
    code: 'lint-sample-value-mismatch',
    severity: 'warning',
    message: `sample value ${showValue(example)} of ${name} does not fit its type${inside}: the docs declare ${describeType(declared.type)}`,
    location: f.source,
  };
}

function sampleDiagnostic(api: Api, type: TypeRef, sample: JsonValue, p: SampleProblem, location: SourceLocation, what: string): Diagnostic {
  const declared = declaredAt(type, p.path, api);
  const decl = describeType(declared.type);
  const by = declared.field ? ` (${declared.owner ? `${declared.owner}.` : ''}${declared.field.name})` : '';
  const related = declared.field && (declared.field.source.file !== location.file || declared.field.source.line !== location.line) ? [{ message: `${declared.field.name} declared here`, location: declared.field.source }] : [];
  const d: Diagnostic = p.missing
    ? {
        code: 'lint-sample-missing-required',
        severity: 'warning',
        message: `${what}: required ${showPath(p.path)}${by} is missing`,
        location,
      }
    : {
        code: 'lint-sample-mismatch',
        severity: 'error',
        message: `${what}: ${showPath(p.path)} is ${showValue(valueAt(sample, p.path))}, but the docs declare ${decl}${by}`,
        location,
      };
  if (related.length > 0) d.related = related;
  return d;
}
