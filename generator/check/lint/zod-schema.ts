import { z } from 'zod';
import type { Api, Field, TypeRef } from '../../ir/types.js';

/**
 * IR → zod schemas at run time, for lint to validate samples with.
 *
 * This MUST accept and reject exactly what the SDK's emitted schemas do (emit/sdk/zod.ts builds
 * the same mapping as source code): string → z.string(), integer → z.int(), an object without
 * fields → z.record(z.string(), z.unknown()), open → z.looseObject, otherwise z.object (unknown
 * keys stripped, not rejected), optional fields `.optional()`, `T | null` → `.nullable()`, string
 * enums → z.enum, other enums → z.literal([...]), a reference to an undefined type → z.unknown().
 * test/check/lint-zod-agreement.test.ts checks both against the same values.
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
    switch (t.kind) {
      case 'string':
        return z.string();
      case 'number':
        return z.number();
      case 'integer':
        return z.int();
      case 'boolean':
        return z.boolean();
      case 'null':
        return z.null();
      case 'unknown':
        return z.unknown();
      case 'literal':
        return z.literal(t.value);
      case 'array':
        return z.array(this.of(t.items));
      case 'ref':
        return this.namedSchema(t.name) ?? z.unknown();
      case 'map':
        return z.record(z.string(), this.of(t.values));
      case 'object':
        if (t.fields.length === 0) return z.record(z.string(), z.unknown());
        return this.object(t.fields, t.open === true);
      case 'enum': {
        const values = [...new Set(t.values.map((v) => v.value))];
        if (values.length === 0) return this.of({ kind: t.base });
        if (values.every((v): v is string => typeof v === 'string')) return z.enum(values as [string, ...string[]]);
        return values.length === 1 ? z.literal(values[0]!) : z.literal(values);
      }
      case 'union': {
        const nonNull = t.variants.filter((v) => v.kind !== 'null');
        if (nonNull.length === 1 && nonNull.length < t.variants.length) return this.of(nonNull[0]!).nullable();
        if (t.variants.length === 1) return this.of(t.variants[0]!);
        return z.union(t.variants.map((v) => this.of(v)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
      }
    }
  }

  private object(fields: readonly Field[], open: boolean): z.ZodType {
    // fromEntries defines own keys: a field named `__proto__` stays a field
    const shape: Record<string, z.ZodType> = Object.fromEntries(
      fields.map((f) => {
        const s = this.of(f.type);
        return [f.name, f.required ? s : s.optional()];
      }),
    );
    return open ? z.looseObject(shape) : z.object(shape);
  }
}
