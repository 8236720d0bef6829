/**
 * Structural redundancy of a training mix: pairs of members that silently share an upstream ancestor
 * (which one, along which paths), members included both directly and through another member, and a
 * mix-level score of how much the members' root sources overlap.
 */
import type { LineageGraph } from '../../graph/lineage-graph.js';
import { downwardPath, reachable, type PathStep } from '../paths.js';

export interface SharedAncestor {
  ancestor: string;
  /** From the ancestor down to each member of the pair. */
  paths: [PathStep[], PathStep[]];
}

export interface SharedAncestry {
  members: [string, string];
  /** The nearest shared ancestors: none of them is upstream of another shared one. */
  ancestors: SharedAncestor[];
}

export interface NestedInclusion {
  /** The member that is also upstream of another member. */
  included: string;
  /** The member that already contains it. */
  via: string;
  path: PathStep[];
}

export interface StructuralRedundancy {
  mix: string[];
  missing: string[];
  sharedAncestry: SharedAncestry[];
  nested: NestedInclusion[];
  /** Root sources (no upstream) each member reaches; a member with no upstream is its own root. */
  roots: Record<string, string[]>;
  /** 1 − distinct roots ÷ roots counted per member: 0 when no two members share a root, towards 1 as they all do. */
  score: number;
}

export function structuralRedundancy(graph: LineageGraph, mix: string[]): StructuralRedundancy {
  const members = [...new Set(mix)].filter((id) => graph.hasNode(id));
  const missing = [...new Set(mix)].filter((id) => !graph.hasNode(id));
  const upstream = new Map(members.map((m) => [m, new Map(reachable(graph, m, 'upstream').map((r) => [r.id, r]))]));
  const ancestorsOf = memoAncestors(graph);

  const nested: NestedInclusion[] = [];
  for (const a of members) {
    for (const b of members) {
      const reached = a !== b ? upstream.get(b)!.get(a) : undefined;
      if (reached) nested.push({ included: a, via: b, path: downwardPath(reached.path, b) });
    }
  }

  const sharedAncestry: SharedAncestry[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i]!, members[j]!];
      const upA = upstream.get(a)!;
      const upB = upstream.get(b)!;
      // A member upstream of the other is reported as nested inclusion; its ancestors add nothing.
      if (upA.has(b) || upB.has(a)) continue;
      const shared = [...upA.keys()].filter((id) => upB.has(id));
      // Keep the nearest: a shared ancestor whose own ancestors are the others says it all.
      const nearest = shared.filter((s) => !shared.some((other) => other !== s && ancestorsOf(other).has(s)));
      if (nearest.length === 0) continue;
      sharedAncestry.push({
        members: [a, b],
        ancestors: nearest.sort().map((ancestor) => ({ ancestor, paths: [downwardPath(upA.get(ancestor)!.path, a), downwardPath(upB.get(ancestor)!.path, b)] })),
      });
    }
  }

  const roots: Record<string, string[]> = {};
  let counted = 0;
  const distinct = new Set<string>();
  for (const m of members) {
    const own = [...upstream.get(m)!.keys()].filter((id) => graph.inNeighbors(id).every((n) => n === id));
    roots[m] = own.length > 0 ? own.sort() : [m];
    counted += roots[m]!.length;
    for (const r of roots[m]!) distinct.add(r);
  }
  return {
    mix: members,
    missing,
    sharedAncestry,
    nested,
    roots,
    score: counted === 0 ? 0 : Math.round((1 - distinct.size / counted) * 1000) / 1000,
  };
}


function memoAncestors(graph: LineageGraph): (id: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (id) => {
    let set = cache.get(id);
    if (!set) cache.set(id, (set = new Set(reachable(graph, id, 'upstream').map((r) => r.id))));
    return set;
  };
}
