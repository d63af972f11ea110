import { ts } from 'ts-morph';
import type { Field, TypeRef } from '../../ir/types.js';
import { namedTypePlan, objectPlan, typePlan, type PlanOptions, type ZodBase, type ZodPlan, type ZodStep } from '../../ir/zod-plan.js';
import { call, f, id, jsonExpression, num, objectKey, str } from './ast.js';
import type { ModuleRefs } from './module-refs.js';

/**
 * Prints the IR's zod plans (ir/zod-plan.ts) as zod 4 source; lint builds the same plans at run
 * time (check/lint/zod-schema.ts). References use the `<Type>Schema` consts.
 */

/** `z.name(...args)` */
export const z = (name: string, args: readonly ts.Expression[] = []): ts.CallExpression => call(id('z'), name, args);

const literal = (v: string | number | boolean): ts.Expression =>
  typeof v === 'string' ? str(v) : typeof v === 'number' ? num(v) : v ? f.createTrue() : f.createFalse();

/** IR type expression → zod 4 schema expression. */
export function zodExpression(t: TypeRef, refs: ModuleRefs): ts.Expression {
  return planExpression(typePlan(t, { describe: true }), refs);
}

/** A named type's schema, described. */
export function namedTypeSchema(t: TypeRef, description: string | undefined, refs: ModuleRefs): ts.Expression {
  return planExpression(namedTypePlan(t, description, { describe: true }), refs);
}

export type ObjectSchemaOptions = Omit<PlanOptions, 'describe'>;

export function objectSchema(fields: readonly Field[], open: boolean, refs: ModuleRefs, options: ObjectSchemaOptions = {}): ts.Expression {
  return planExpression(objectPlan(fields, open, { ...options, describe: true }), refs);
}

export function planExpression(plan: ZodPlan, refs: ModuleRefs): ts.Expression {
  return plan.steps.reduce((schema, step) => stepExpression(schema, step, refs), baseExpression(plan.base, refs));
}

function stepExpression(schema: ts.Expression, step: ZodStep, refs: ModuleRefs): ts.Expression {
  switch (step.method) {
    case 'min':
    case 'max':
    case 'length':
    case 'gt':
    case 'lt':
    case 'multipleOf':
      return call(schema, step.method, [num(step.value)]);
    case 'regex':
      // the spec's pattern only ever as a string literal, compiled where the SDK runs
      return call(schema, 'regex', [f.createNewExpression(id('RegExp'), undefined, [str(step.pattern)])]);
    case 'unique':
      return call(schema, 'refine', [id(refs.runtimeName('uniqueItems')), f.createObjectLiteralExpression([f.createPropertyAssignment('message', str('items must be unique'))], false)]);
    case 'nullable':
    case 'optional':
      return call(schema, step.method);
    case 'default':
      return call(schema, 'default', [jsonExpression(step.value)]);
    case 'describe':
      return call(schema, 'describe', [str(step.text)]);
  }
}

function baseExpression(base: ZodBase, refs: ModuleRefs): ts.Expression {
  switch (base.kind) {
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'email':
    case 'guid':
    case 'url':
    case 'ipv4':
    case 'ipv6':
      return z(base.kind);
    case 'bytes': {
      // z.custom, not z.instanceof(Uint8Array): that infers Uint8Array<ArrayBuffer>, narrower than the interface's Uint8Array
      const value = f.createParameterDeclaration(undefined, undefined, 'value');
      const isBytes = f.createArrowFunction(undefined, undefined, [value], undefined, undefined, f.createBinaryExpression(id('value'), ts.SyntaxKind.InstanceOfKeyword, id('Uint8Array')));
      const bytes = f.createCallExpression(f.createPropertyAccessExpression(id('z'), 'custom'), [f.createTypeReferenceNode(id('Uint8Array'))], [isBytes]);
      return z('union', [f.createArrayLiteralExpression([z('instanceof', [id('Blob')]), bytes], false)]);
    }
    case 'iso.datetime':
      return call(f.createPropertyAccessExpression(id('z'), 'iso'), 'datetime', [f.createObjectLiteralExpression([f.createPropertyAssignment('offset', f.createTrue())], false)]);
    case 'iso.date':
    case 'iso.time':
      return call(f.createPropertyAccessExpression(id('z'), 'iso'), base.kind.slice(4));
    case 'literal':
      return z('literal', [base.values.length === 1 ? literal(base.values[0]!) : f.createArrayLiteralExpression(base.values.map(literal), false)]);
    case 'enum':
      return z('enum', [f.createArrayLiteralExpression(base.values.map(str), false)]);
    case 'array':
      return z('array', [planExpression(base.items, refs)]);
    case 'record':
      return z('record', [z('string'), planExpression(base.values, refs)]);
    case 'object': {
      const props = base.fields.map((field) => f.createPropertyAssignment(objectKey(field.name), planExpression(field.schema, refs)));
      return z(base.loose ? 'looseObject' : 'object', [f.createObjectLiteralExpression(props, true)]);
    }
    case 'union': {
      const options = f.createArrayLiteralExpression(base.options.map((o) => planExpression(o, refs)), false);
      const property = base.discriminator;
      const discriminable = property !== undefined && base.options.every((o) => isDiscriminableOption(o, property, refs));
      return discriminable ? z('discriminatedUnion', [str(property), options]) : z('union', [options]);
    }
    case 'ref':
      return refSchema(base.name, refs);
  }
}

function refSchema(irName: string, refs: ModuleRefs): ts.Expression {
  const name = refs.schemaName(irName);
  if (!name) return z('unknown');
  if (!refs.isLazy(irName)) return id(name);
  return z('lazy', [f.createArrowFunction(undefined, undefined, [], undefined, undefined, id(name))]);
}

/**
 * z.discriminatedUnion reads each option's shape when it is built and needs the discriminator
 * as a required literal/enum property: only plain (non-lazy) refs to such objects qualify;
 * anything else stays a z.union, which accepts the same values.
 */
function isDiscriminableOption(o: ZodPlan, property: string, refs: ModuleRefs): boolean {
  if (o.base.kind !== 'ref' || o.steps.length > 0 || refs.isLazy(o.base.name)) return false;
  const def = refs.definition(o.base.name)?.type;
  if (def?.kind !== 'object') return false;
  const field = def.fields.find((f) => f.name === property);
  return field !== undefined && field.required && (field.type.kind === 'literal' || field.type.kind === 'enum');
}
