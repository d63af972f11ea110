import type { Api } from '../../ir/types.js';
import { cyclicComponents } from '../../ir/graph.js';
import { directRefs } from '../../ir/walk.js';

/**
 * Named types that reach themselves through references, grouped by strongly connected
 * component. A reference inside one component must be `z.lazy` (its module may not have run
 * yet: ES modules in a cycle see each other's bindings only after evaluation) and the schemas
 * need explicit type annotations (TypeScript cannot infer a type from itself).
 */
export function cycleGroups(api: Api): Map<string, number> {
  const edges = new Map(api.types.map((t) => [t.name, [...new Set(directRefs(t.type))].filter((r) => r !== undefined)]));
  const group = new Map<string, number>();
  cyclicComponents(edges).forEach((members, i) => {
    for (const x of members) group.set(x, i);
  });
  return group;
}

/** True when a reference from `from` to `to` closes a cycle (both in one component). */
export function inSameCycle(groups: Map<string, number>, from: string | undefined, to: string): boolean {
  if (from === undefined) return false;
  const a = groups.get(from);
  return a !== undefined && a === groups.get(to);
}
