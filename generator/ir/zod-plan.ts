/**
 * The one IR → zod mapping, as data. The SDK emitter prints a plan as source code
 * (emit/sdk/zod.ts) and lint builds it as live zod schemas (check/lint/zod-schema.ts); both are
 * plain interpreters of this plan, so what the SDK accepts and what lint accepts cannot drift,
 * and a new rule (a constraint, a format) is written once, here.
 */
import { valueFitsType } from './values.js';
import type { Constraints, Field, JsonValue, TypeRef } from './types.js';

type Primitive = string | number | boolean;

/** The zod call a schema starts from. */
export type ZodBase =
  | { kind: 'string' | 'number' | 'int' | 'boolean' | 'null' | 'unknown' }
  /** A string format zod checks: `z.email()`, `z.guid()`, `z.url()`, `z.ipv4()`, `z.ipv6()`. */
  | { kind: 'email' | 'guid' | 'url' | 'ipv4' | 'ipv6' }
  /** `z.iso.datetime({ offset: true })`, `z.iso.date()`, `z.iso.time()`. */
  | { kind: 'iso.datetime' | 'iso.date' | 'iso.time' }
  /** Bytes: a Blob (a File is one) or a Uint8Array. */
  | { kind: 'bytes' }
  | { kind: 'literal'; values: Primitive[] }
  | { kind: 'enum'; values: string[] }
  | { kind: 'array'; items: ZodPlan }
  /** `z.record(z.string(), values)` */
  | { kind: 'record'; values: ZodPlan }
  /** `z.object` (unknown keys stripped) or `z.looseObject` (kept). */
  | { kind: 'object'; loose: boolean; fields: { name: string; schema: ZodPlan }[] }
  /** A discriminator names the property an interpreter may use for `z.discriminatedUnion`. */
  | { kind: 'union'; options: ZodPlan[]; discriminator?: string }
  /** A named type of `Api.types`; an interpreter resolves it (unknown when it is not defined). */
  | { kind: 'ref'; name: string };

/** A method called on the schema, in order. */
export type ZodStep =
  /** Bounds: lengths of strings and arrays, numbers (`min`/`max` inclusive, `gt`/`lt` exclusive). */
  | { method: 'min' | 'max' | 'length' | 'gt' | 'lt' | 'multipleOf'; value: number }
  /** `.regex(new RegExp(pattern))`: only patterns shown safe to run (ingest/openapi/patterns.ts). */
  | { method: 'regex'; pattern: string }
  /** `.refine(uniqueItems)`: no two items deep-equal (the runtime's `uniqueItems`). */
  | { method: 'unique' }
  | { method: 'nullable' | 'optional' }
  | { method: 'default'; value: JsonValue }
  | { method: 'describe'; text: string };

export interface ZodPlan {
  base: ZodBase;
  steps: ZodStep[];
}

export interface PlanOptions {
  /** `.describe()` each described field and named type (the SDK's schemas carry their docs). */
  describe?: boolean;
  /** Apply each field's default with `.default()` (method parameters; DTOs only document it). */
  applyDefaults?: boolean;
  /** Called for a default that does not fit the field's type (it is then only documented). */
  onBadDefault?: (field: Field) => void;
}

const plain = (base: ZodBase): ZodPlan => ({ base, steps: [] });
const then = (plan: ZodPlan, step: ZodStep): ZodPlan => ({ base: plan.base, steps: [...plan.steps, step] });

/** The schema of a type expression. */
export function typePlan(t: TypeRef, options: PlanOptions = {}): ZodPlan {
  switch (t.kind) {
    case 'string':
      return constrained(plain(STRING_FORMATS[t.format ?? ''] ?? { kind: 'string' }), t.constraints);
    case 'number':
      return constrained(plain({ kind: 'number' }), t.constraints);
    case 'integer':
      return constrained(plain({ kind: 'int' }), t.constraints);
    case 'boolean':
      return plain({ kind: 'boolean' });
    case 'null':
      return plain({ kind: 'null' });
    case 'binary':
      return plain({ kind: 'bytes' });
    case 'unknown':
      return plain({ kind: 'unknown' });
    case 'literal':
      return plain({ kind: 'literal', values: [t.value] });
    case 'array':
      return constrained(plain({ kind: 'array', items: typePlan(t.items, options) }), t.constraints);
    case 'ref':
      return plain({ kind: 'ref', name: t.name });
    case 'map':
      return plain({ kind: 'record', values: typePlan(t.values, options) });
    case 'object':
      if (t.fields.length === 0) return plain({ kind: 'record', values: plain({ kind: 'unknown' }) });
      return objectPlan(t.fields, t.open === true, options);
    case 'enum': {
      const values = [...new Set(t.values.map((v) => v.value))];
      if (values.length === 0) return typePlan({ kind: t.base }, options);
      if (values.every((v): v is string => typeof v === 'string')) return plain({ kind: 'enum', values });
      return plain({ kind: 'literal', values });
    }
    case 'union': {
      const nonNull = t.variants.filter((v) => v.kind !== 'null');
      // `T | null` reads better, and infers the same, as `.nullable()`
      if (nonNull.length === 1 && nonNull.length < t.variants.length) return then(typePlan(nonNull[0]!, options), { method: 'nullable' });
      if (t.variants.length === 1) return typePlan(t.variants[0]!, options);
      const options_ = t.variants.map((v) => typePlan(v, options));
      return plain(t.discriminator ? { kind: 'union', options: options_, discriminator: t.discriminator.property } : { kind: 'union', options: options_ });
    }
  }
}

/**
 * String formats zod checks. Only formats with one meaning everywhere: uuid as any 8-4-4-4-12
 * hex (`z.guid()`, since real APIs send ids that are not RFC 9562 versions), date-time as RFC
 * 3339 with any offset. Other formats (int64, phone-number, …) document, not validate.
 */
const STRING_FORMATS: Record<string, ZodBase> = {
  email: { kind: 'email' },
  uuid: { kind: 'guid' },
  uri: { kind: 'url' },
  url: { kind: 'url' },
  ipv4: { kind: 'ipv4' },
  ipv6: { kind: 'ipv6' },
  'date-time': { kind: 'iso.datetime' },
  date: { kind: 'iso.date' },
  time: { kind: 'iso.time' },
};

/** The constraint steps, in a fixed order; equal length bounds read as `.length(n)`. */
function constrained(plan: ZodPlan, c: Constraints | undefined): ZodPlan {
  if (!c) return plan;
  const steps: ZodStep[] = [];
  const lengthMin = c.minLength ?? c.minItems;
  const lengthMax = c.maxLength ?? c.maxItems;
  if (lengthMin !== undefined && lengthMin === lengthMax) steps.push({ method: 'length', value: lengthMin });
  else {
    if (lengthMin !== undefined) steps.push({ method: 'min', value: lengthMin });
    if (lengthMax !== undefined) steps.push({ method: 'max', value: lengthMax });
  }
  if (c.minimum !== undefined) steps.push({ method: 'min', value: c.minimum });
  if (c.exclusiveMinimum !== undefined) steps.push({ method: 'gt', value: c.exclusiveMinimum });
  if (c.maximum !== undefined) steps.push({ method: 'max', value: c.maximum });
  if (c.exclusiveMaximum !== undefined) steps.push({ method: 'lt', value: c.exclusiveMaximum });
  if (c.multipleOf !== undefined) steps.push({ method: 'multipleOf', value: c.multipleOf });
  if (c.pattern !== undefined && c.patternUnchecked === undefined) steps.push({ method: 'regex', pattern: c.pattern });
  if (c.uniqueItems) steps.push({ method: 'unique' });
  return { base: plan.base, steps: [...plan.steps, ...steps] };
}

/** An object schema of fields; `open` keeps unknown keys. */
export function objectPlan(fields: readonly Field[], open: boolean, options: PlanOptions = {}): ZodPlan {
  return plain({ kind: 'object', loose: open, fields: fields.map((f) => ({ name: f.name, schema: fieldPlan(f, options) })) });
}

function fieldPlan(field: Field, options: PlanOptions): ZodPlan {
  // defaults apply to the arguments object's own fields only, never inside nested types
  let plan = typePlan(field.type, { describe: options.describe });
  if (options.describe && field.description) plan = then(plan, { method: 'describe', text: field.description });
  if (field.required) return plan;
  if (options.applyDefaults && field.default !== undefined) {
    if (defaultFits(field.type, field.default)) return then(plan, { method: 'default', value: field.default });
    options.onBadDefault?.(field);
  }
  return then(plan, { method: 'optional' });
}

/** The schema of a named type: its type, described by the type's description. */
export function namedTypePlan(t: TypeRef, description: string | undefined, options: PlanOptions = {}): ZodPlan {
  const plan = typePlan(t, options);
  return options.describe && description ? then(plan, { method: 'describe', text: description }) : plan;
}

/**
 * Whether a documented default is a value of the field's type, checked on the IR: only then can
 * it be compiled into `.default()` (`"10"` for an integer would not type-check).
 */
export function defaultFits(t: TypeRef, value: JsonValue): boolean {
  switch (t.kind) {
    case 'array':
      return Array.isArray(value) && value.every((v) => defaultFits(t.items, v));
    case 'union':
      return t.variants.some((v) => defaultFits(v, value));
    case 'object':
    case 'map':
    case 'ref':
    case 'unknown':
      // the shape is not checked here, so no compiled default
      return false;
    default:
      return valueFitsType(value, t, new Map());
  }
}
