import type { Api } from '../../ir/types.js';
import { directRefs } from '../../ir/walk.js';

/**
 * Named types that reach themselves through references, grouped by strongly connected
 * component. A reference inside one component must be `z.lazy` (its module may not have run
 * yet: ES modules in a cycle see each other's bindings only after evaluation) and the schemas
 * need explicit type annotations (TypeScript cannot infer a type from itself).
 */
export function cycleGroups(api: Api): Map<string, number> {
  const edges = new Map(api.types.map((t) => [t.name, [...new Set(directRefs(t.type))].filter((r) => r !== undefined)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const group = new Map<string, number>();
  let counter = 0;
  let groups = 0;

  // iterative Tarjan: the corpus has long reference chains, recursion could overflow
  for (const root of [...edges.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = (edges.get(frame.node) ?? []).filter((t) => edges.has(t));
      if (frame.next < targets.length) {
        const t = targets[frame.next++]!;
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, next: 0 });
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          members.push(m);
        } while (m !== frame.node);
        const selfLoop = members.length === 1 && (edges.get(frame.node) ?? []).includes(frame.node);
        if (members.length > 1 || selfLoop) {
          for (const x of members) group.set(x, groups);
          groups++;
        }
      }
    }
  }
  return group;
}

/** True when a reference from `from` to `to` closes a cycle (both in one component). */
export function inSameCycle(groups: Map<string, number>, from: string | undefined, to: string): boolean {
  if (from === undefined) return false;
  const a = groups.get(from);
  return a !== undefined && a === groups.get(to);
}
