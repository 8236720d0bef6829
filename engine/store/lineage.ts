/** Walks the lineage: ancestors and descendants to a depth, roots, leaves, cycles. Rejected edges do not count. */
import type Database from 'better-sqlite3';
import type { Relation } from '../../shared/domain/vocabulary.js';

export interface LineageStep {
  /** The dataset reached. */
  id: string;
  /** Its distance from the start (1 = direct upstream or downstream). */
  depth: number;
  /** The dataset it was reached from and the relation of that edge. */
  via: string;
  relation: Relation;
  confidence: number;
}

type Direction = 'up' | 'down';

export class LineageQueries {
  private readonly upstreamOf;
  private readonly downstreamOf;
  private readonly upstreamOfAll;
  private readonly downstreamOfAll;

  constructor(private readonly db: Database.Database) {
    this.upstreamOf = db.prepare<[string], { id: string; relation: Relation; confidence: number }>(
      "SELECT upstream AS id, relation, confidence FROM edges WHERE downstream = ? AND status != 'rejected' ORDER BY upstream",
    );
    this.downstreamOf = db.prepare<[string], { id: string; relation: Relation; confidence: number }>(
      "SELECT downstream AS id, relation, confidence FROM edges WHERE upstream = ? AND status != 'rejected' ORDER BY downstream",
    );
    // One query per level of a walk: the whole frontier goes in as a JSON array, in order.
    type Row = { via: string; id: string; relation: Relation; confidence: number };
    this.upstreamOfAll = db.prepare<[string], Row>(
      "SELECT e.downstream AS via, e.upstream AS id, e.relation, e.confidence FROM json_each(?) f JOIN edges e ON e.downstream = f.value WHERE e.status != 'rejected' ORDER BY f.key, e.upstream",
    );
    this.downstreamOfAll = db.prepare<[string], Row>(
      "SELECT e.upstream AS via, e.downstream AS id, e.relation, e.confidence FROM json_each(?) f JOIN edges e ON e.upstream = f.value WHERE e.status != 'rejected' ORDER BY f.key, e.downstream",
    );
  }

  /** Every dataset upstream of `id`, each once at its shortest distance, breadth first; cycles end the walk. */
  ancestors(id: string, maxDepth = Infinity): LineageStep[] {
    return this.walk(id, 'up', maxDepth);
  }

  descendants(id: string, maxDepth = Infinity): LineageStep[] {
    return this.walk(id, 'down', maxDepth);
  }

  /** The direct neighbours of a dataset, one step in a direction. */
  neighbours(id: string, direction: Direction): Array<{ id: string; relation: Relation; confidence: number }> {
    return (direction === 'up' ? this.upstreamOf : this.downstreamOf).all(id);
  }

  private walk(start: string, direction: Direction, maxDepth: number): LineageStep[] {
    const seen = new Set([start]);
    const steps: LineageStep[] = [];
    let frontier = [start];
    const level = direction === 'up' ? this.upstreamOfAll : this.downstreamOfAll;
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const row of level.all(JSON.stringify(frontier))) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        steps.push({ id: row.id, depth, via: row.via, relation: row.relation, confidence: row.confidence });
        next.push(row.id);
      }
      frontier = next;
    }
    return steps;
  }

  /** Datasets with no upstream: the original sources of the data. */
  roots(): string[] {
    return this.column(
      "SELECT id FROM datasets d WHERE NOT EXISTS (SELECT 1 FROM edges e WHERE e.downstream = d.id AND e.status != 'rejected' AND e.upstream != d.id) ORDER BY id",
    );
  }

  /** Datasets nothing else is derived from: the ends of the lineage. */
  leaves(): string[] {
    return this.column(
      "SELECT id FROM datasets d WHERE NOT EXISTS (SELECT 1 FROM edges e WHERE e.upstream = d.id AND e.status != 'rejected' AND e.downstream != d.id) ORDER BY id",
    );
  }

  selfLoops(): string[] {
    return this.column("SELECT upstream FROM edges WHERE upstream = downstream AND status != 'rejected' ORDER BY upstream");
  }

  /**
   * The cycles among the edges (self-loops included), each as its dataset ids in order, found by an
   * iterative depth-first search: one cycle per back edge.
   */
  cycles(): string[][] {
    const rows = this.db.prepare<[], { upstream: string; downstream: string }>(
      "SELECT upstream, downstream FROM edges WHERE status != 'rejected' ORDER BY upstream, downstream",
    ).all();
    return findCycles(rows.map((r) => [r.upstream, r.downstream]));
  }

  private column(sql: string): string[] {
    return this.db.prepare<[], { id?: string; upstream?: string }>(sql).all().map((r) => (r.id ?? r.upstream) as string);
  }
}

/** One cycle per back edge of a depth-first search over `from → to` pairs. */
export function findCycles(pairs: Array<[string, string]>): string[][] {
  const out = new Map<string, string[]>();
  for (const [from, to] of pairs) {
    const list = out.get(from) ?? [];
    list.push(to);
    out.set(from, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    const path: string[] = [start];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = out.get(frame.node) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[frame.next++]!;
      const seen = state.get(target);
      if (seen === 'open') {
        cycles.push([...path.slice(path.indexOf(target)), target]);
      } else if (!seen) {
        state.set(target, 'open');
        stack.push({ node: target, next: 0 });
        path.push(target);
      }
    }
  }
  return cycles;
}
