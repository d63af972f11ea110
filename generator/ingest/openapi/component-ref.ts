import { isObject, type SpecContext, type Where } from './context.js';

/**
 * Follows `$ref`s of non-schema objects (parameters, request bodies, responses, examples):
 * those are inlined, unlike schemas. Stops at a cycle and reports an unresolved ref.
 */
export function followRef(value: unknown, where: Where, ctx: SpecContext): { value: Record<string, unknown>; where: Where } | undefined {
  const seen = new Set<unknown>();
  let cur = value;
  let at = where;
  while (isObject(cur) && typeof cur.$ref === 'string') {
    if (seen.has(cur)) break;
    seen.add(cur);
    const target = ctx.refs.resolve(cur.$ref, at.file);
    if (!target) {
      ctx.report('openapi-ref-unresolved', `$ref ${cur.$ref} does not resolve`, at);
      return undefined;
    }
    cur = target.value;
    at = ctx.at(target.file, target.pointer, target.value, at.loc);
  }
  return isObject(cur) && typeof cur.$ref !== 'string' ? { value: cur, where: at } : undefined;
}
