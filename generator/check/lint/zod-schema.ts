import { z } from 'zod';
import type { Api, TypeRef } from '../../ir/types.js';
import { typePlan, type ZodBase, type ZodPlan, type ZodStep } from '../../ir/zod-plan.js';
import { uniqueItems } from '../../emit/sdk/runtime/checks.js';

/**
 * IR → live zod schemas, for lint to validate samples with. It interprets the same plans
 * (ir/zod-plan.ts) the SDK emitter prints as source, so lint accepts and rejects what the SDK's
 * schemas do; test/check/lint-zod-agreement.test.ts checks both against the same values.
 */
export class IrSchemas {
  private readonly named = new Map<string, z.ZodType>();
  private readonly types: Map<string, TypeRef>;

  constructor(api: Api) {
    this.types = new Map(api.types.map((t) => [t.name, t.type]));
  }

  /** The schema of a named type (lazily built, cycles allowed); undefined when not defined. */
  namedSchema(name: string): z.ZodType | undefined {
    const hit = this.named.get(name);
    if (hit) return hit;
    const type = this.types.get(name);
    if (!type) return undefined;
    // registered before it is built: a recursive type meets its own lazy reference
    const lazy = z.lazy(() => built);
    this.named.set(name, lazy);
    const built = this.of(type);
    return lazy;
  }

  of(t: TypeRef): z.ZodType {
    return this.plan(typePlan(t));
  }

  private plan(plan: ZodPlan): z.ZodType {
    return plan.steps.reduce((schema, step) => applyStep(schema, step), this.base(plan.base));
  }

  private base(base: ZodBase): z.ZodType {
    switch (base.kind) {
      case 'string':
        return z.string();
      case 'number':
        return z.number();
      case 'int':
        return z.int();
      case 'boolean':
        return z.boolean();
      case 'null':
        return z.null();
      case 'unknown':
        return z.unknown();
      case 'email':
        return z.email();
      case 'guid':
        return z.guid();
      case 'url':
        return z.url();
      case 'ipv4':
        return z.ipv4();
      case 'ipv6':
        return z.ipv6();
      case 'bytes':
        return z.union([z.instanceof(Blob), z.custom<Uint8Array>((value) => value instanceof Uint8Array)]);
      case 'iso.datetime':
        return z.iso.datetime({ offset: true });
      case 'iso.date':
        return z.iso.date();
      case 'iso.time':
        return z.iso.time();
      case 'literal':
        return base.values.length === 1 ? z.literal(base.values[0]!) : z.literal(base.values);
      case 'enum':
        return z.enum(base.values as [string, ...string[]]);
      case 'array':
        return z.array(this.plan(base.items));
      case 'record':
        return z.record(z.string(), this.plan(base.values));
      case 'object': {
        // fromEntries defines own keys: a field named `__proto__` stays a field
        const shape: Record<string, z.ZodType> = Object.fromEntries(base.fields.map((f) => [f.name, this.plan(f.schema)]));
        return base.loose ? z.looseObject(shape) : z.object(shape);
      }
      case 'union':
        // z.discriminatedUnion accepts the same values as z.union; only the error messages differ
        return z.union(base.options.map((o) => this.plan(o)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
      case 'ref':
        return this.namedSchema(base.name) ?? z.unknown();
    }
  }
}

/** The bound methods of the schema kinds the plan puts them on (string, number, array). */
type Bounded = z.ZodType & Record<'min' | 'max' | 'length' | 'gt' | 'lt' | 'multipleOf', (n: number) => z.ZodType>;

function applyStep(schema: z.ZodType, step: ZodStep): z.ZodType {
  switch (step.method) {
    case 'min':
    case 'max':
    case 'length':
    case 'gt':
    case 'lt':
    case 'multipleOf':
      return (schema as Bounded)[step.method](step.value);
    case 'regex':
      return (schema as z.ZodString).regex(new RegExp(step.pattern));
    case 'unique':
      return schema.refine((items) => uniqueItems(items as readonly unknown[]), { message: 'items must be unique' });
    case 'nullable':
      return schema.nullable();
    case 'optional':
      return schema.optional();
    case 'default':
      return schema.default(step.value as never);
    case 'describe':
      return schema.describe(step.text);
  }
}
