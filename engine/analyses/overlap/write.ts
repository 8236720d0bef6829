/**
 * Puts lineage found in the data into the graph, as proposals for a person: a new edge is created
 * `proposed` (never accepted automatically) with evidence of kind `data`; an edge a card states gets the
 * data's evidence beside its quotes when the samples confirm it, and the `data-contradicts` flag — and
 * back into the review queue — when both datasets have samples and the downstream holds none of the
 * upstream's. Every change is in the audit log; a person's decision is never changed.
 */
import { agreesWith, impliesSharedSamples, matchingSides, SIDE_RELATIONS } from '../../../shared/analyses/overlap/relation.js';
import { overlapStatement } from '../../../shared/analyses/overlap/statement.js';
import type { OverlapLineage, PairOverlap } from '../../../shared/analyses/overlap/index.js';
import type { Containment, DataEdge, MatchExample, Sides } from '../../../shared/analyses/overlap/types.js';
import type { SampleOverlap } from '../../../shared/domain/model.js';
import type { EdgeStatus, Relation } from '../../../shared/domain/vocabulary.js';
import type { LineageGraph } from '../../../shared/graph/lineage-graph.js';
import type { Project } from '../../project.js';
import type { StoredEdge } from '../../store/edges.js';
import { lineageGraphOf } from '../graph.js';
import type { SketchedFiles } from './sketches.js';

export const OVERLAP_AGENT = 'rootline (sample overlap)';
const ORIGIN = 'sample overlap';
/** A stated edge is contradicted when less than this share is found either way… */
const CONTRADICTS_BELOW = 0.01;
/** …in at least this many sampled records of each dataset. */
const MIN_CHECKED = 10;
const MAX_PATH = 6;

export interface OverlapEdgeReport {
  edgeId: number | null;
  upstream: string;
  downstream: string;
  /** The edge's relation after the run. */
  relation: Relation;
  /** What the matching samples show (null when nothing was found). */
  dataRelation: Relation | null;
  sides: Sides | null;
  status: EdgeStatus | null;
  confidence: number;
  /** Whether this run created the edge. */
  created: boolean;
  overlap: SampleOverlap;
  statement: string;
  /** For overlaps explained by other lineage: the datasets in between. */
  via?: string[];
}

export interface OverlapWriteResult {
  /** Edges only the data shows (new, or proposed by an earlier run). */
  discovered: OverlapEdgeReport[];
  /** Stated edges the data confirms. */
  confirmed: OverlapEdgeReport[];
  /** Stated edges the data contradicts. */
  contradicted: OverlapEdgeReport[];
  /** Overlaps that other lineage already explains (a path, or a dataset holding both sides' shared samples). */
  explained: OverlapEdgeReport[];
  /** Overlaps on an edge a person rejected: left as they are. */
  rejected: OverlapEdgeReport[];
}

export function writeOverlapLineage(project: Project, lineage: OverlapLineage, sketched: SketchedFiles[]): OverlapWriteResult {
  return project.transaction(() => {
    const result: OverlapWriteResult = { discovered: [], confirmed: [], contradicted: [], explained: [], rejected: [] };
    const files = new Map(sketched.map((s) => [s.datasetId, s]));
    const nameOf = (id: string) => project.datasets.get(id)?.name ?? id;
    const graph = lineageGraphOf(project);
    const handled = new Set<string>();
    const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

    for (const found of lineage.edges) {
      handled.add(pairKey(found.upstream, found.downstream));
      const existing = project.edges.between(found.upstream, found.downstream) ?? project.edges.between(found.downstream, found.upstream);
      if (existing?.status === 'rejected') {
        result.rejected.push(report(existing.upstream, existing.downstream, found, existing, false));
        continue;
      }
      if (existing) {
        const stated = existing.evidence.some((e) => e.kind !== 'data');
        const relation = stated && agreesWith(existing.relation, found.sides, found.direction === 'fusion') ? existing.relation : found.relation;
        const written = writeEvidence(existing.upstream, existing.downstream, found, relation, stated ? 'stated' : found.direction);
        clearContradiction(written.edgeId);
        if (stated) demandReviewOnConflict(written.edgeId);
        const edge = project.edges.get(written.edgeId)!;
        (stated ? result.confirmed : result.discovered).push(report(edge.upstream, edge.downstream, found, edge, false));
        continue;
      }
      const path = indirectPath(graph, found.upstream, found.downstream) ?? indirectPath(graph, found.downstream, found.upstream);
      if (path) {
        result.explained.push({ ...report(found.upstream, found.downstream, found, undefined, false), via: path });
        continue;
      }
      const written = writeEvidence(found.upstream, found.downstream, found, found.relation, found.direction);
      const edge = project.edges.get(written.edgeId)!;
      project.audit.record({
        actor: OVERLAP_AGENT,
        action: 'edge.propose',
        target: `#${edge.id} ${edge.upstream} -> ${edge.downstream}`,
        after: { status: edge.status, relation: edge.relation, confidence: edge.confidence, evidence: edge.evidence.find((e) => e.kind === 'data')?.quote },
      });
      result.discovered.push(report(edge.upstream, edge.downstream, found, edge, true));
    }

    const pairs = new Map(lineage.pairs.map((p) => [pairKey(p.a, p.b), p]));
    for (const e of lineage.explained) {
      handled.add(pairKey(e.datasets[0], e.datasets[1]));
      const pair = pairs.get(pairKey(e.datasets[0], e.datasets[1]));
      if (pair) result.explained.push({ ...pairReport(e.datasets[0], e.datasets[1], pair), via: [e.via] });
    }

    // Stated edges between two datasets with samples that the data does not show at all.
    for (const edge of project.edges.all({ withEvidence: true })) {
      const up = files.get(edge.upstream);
      const down = files.get(edge.downstream);
      if (!up || !down || edge.status === 'rejected' || handled.has(pairKey(edge.upstream, edge.downstream))) continue;
      if (!impliesSharedSamples(edge.relation) || up.sketch.queries.length < MIN_CHECKED || down.sketch.queries.length < MIN_CHECKED) continue;
      const pair = pairs.get(pairKey(edge.upstream, edge.downstream));
      const figures = pair ? pairReport(edge.upstream, edge.downstream, pair) : undefined;
      const share = figures ? Math.max(figures.overlap.upstreamInDownstream.share, figures.overlap.downstreamInUpstream.share) : 0;
      if (share >= CONTRADICTS_BELOW) continue;
      const overlap = figures?.overlap ?? emptyOverlap(up, down);
      const detail = `${upCount(overlap.upstreamInDownstream)} sampled ${nameOf(edge.upstream)} samples found in ${nameOf(edge.downstream)}, ${upCount(overlap.downstreamInUpstream)} the other way`;
      const before = project.edges.flagsOf(edge.id).find((f) => f.flag === 'data-contradicts');
      project.edges.setFlag(edge.id, 'data-contradicts', detail);
      if (!before) project.audit.record({ actor: OVERLAP_AGENT, action: 'edge.flag', target: label(edge), after: { flag: 'data-contradicts', detail } });
      demandReview(edge);
      const after = project.edges.get(edge.id)!;
      result.contradicted.push({
        edgeId: edge.id, upstream: edge.upstream, downstream: edge.downstream, relation: after.relation, dataRelation: null, sides: null,
        status: after.status, confidence: after.confidence, created: false, overlap, statement: `from data: ${detail}`,
      });
    }
    return result;

    function writeEvidence(upstream: string, downstream: string, found: DataEdge, relation: Relation, direction: SampleOverlap['direction']) {
      // Figures are stated from the edge's own upstream and downstream.
      const flipped = upstream !== found.upstream;
      const overlap = overlapOf(found, flipped, direction);
      return project.edges.replaceDataEvidence({
        upstream, downstream, relation, confidence: found.confidence, quote: overlapStatement(nameOf(upstream), nameOf(downstream), overlap),
        origin: ORIGIN, agent: OVERLAP_AGENT, overlap,
      });
    }

    function overlapOf(found: DataEdge, flipped: boolean, direction: SampleOverlap['direction']): SampleOverlap {
      const upFiles = files.get(flipped ? found.downstream : found.upstream)?.files ?? [];
      const downFiles = files.get(flipped ? found.upstream : found.downstream)?.files ?? [];
      const flip = (e: MatchExample): MatchExample => (flipped ? { upstream: e.downstream, downstream: e.upstream, match: e.match } : e);
      return {
        upstreamInDownstream: flipped ? found.downstreamInUpstream : found.upstreamInDownstream,
        downstreamInUpstream: flipped ? found.upstreamInDownstream : found.downstreamInUpstream,
        sides: found.sides,
        direction,
        samples: {
          upstream: files.get(flipped ? found.downstream : found.upstream)?.sketch.samples ?? 0,
          downstream: files.get(flipped ? found.upstream : found.downstream)?.sketch.samples ?? 0,
        },
        examples: found.examples.map(flip).map((e) => ({
          upstream: { file: upFiles[e.upstream.file] ?? '?', row: e.upstream.row },
          downstream: { file: downFiles[e.downstream.file] ?? '?', row: e.downstream.row },
          match: e.match,
        })),
      };
    }

    function report(upstream: string, downstream: string, found: DataEdge, edge: StoredEdge | undefined, created: boolean): OverlapEdgeReport {
      const flipped = upstream !== found.upstream;
      const overlap = overlapOf(found, flipped, edge?.evidence.some((e) => e.kind !== 'data') ? 'stated' : found.direction);
      return {
        edgeId: edge?.id ?? null, upstream, downstream, relation: edge?.relation ?? found.relation, dataRelation: found.relation, sides: found.sides,
        status: edge?.status ?? null, confidence: edge?.confidence ?? found.confidence, created, overlap, statement: overlapStatement(nameOf(upstream), nameOf(downstream), overlap),
      };
    }

    function pairReport(upstream: string, downstream: string, pair: PairOverlap): OverlapEdgeReport {
      const [upInDown, downInUp] = pair.a === upstream ? [pair.aInB, pair.bInA] : [pair.bInA, pair.aInB];
      const sides = matchingSides(upInDown.matched >= downInUp.matched ? upInDown : downInUp);
      const overlap: SampleOverlap = {
        upstreamInDownstream: upInDown, downstreamInUpstream: downInUp, sides, direction: 'unclear',
        samples: { upstream: files.get(upstream)?.sketch.samples ?? 0, downstream: files.get(downstream)?.sketch.samples ?? 0 }, examples: [],
      };
      return {
        edgeId: null, upstream, downstream, relation: SIDE_RELATIONS[sides], dataRelation: SIDE_RELATIONS[sides], sides, status: null, confidence: 0, created: false,
        overlap, statement: overlapStatement(nameOf(upstream), nameOf(downstream), overlap),
      };
    }

    function clearContradiction(edgeId: number): void {
      const edge = project.edges.get(edgeId)!;
      if (!project.edges.flagsOf(edgeId).some((f) => f.flag === 'data-contradicts')) return;
      project.edges.clearFlag(edgeId, 'data-contradicts');
      project.audit.record({ actor: OVERLAP_AGENT, action: 'edge.unflag', target: label(edge), before: { flag: 'data-contradicts' } });
    }

    /** Evidence from the data that disagrees with the stated relation sends the edge to a person. */
    function demandReviewOnConflict(edgeId: number): void {
      const aggregate = project.edges.aggregateOf(edgeId);
      if (!aggregate?.conflict) return;
      project.edges.setFlag(edgeId, 'relation-conflict', aggregate.votes.map((v) => `${v.relation} ${v.weight}`).join(' vs '));
      demandReview(project.edges.get(edgeId)!);
    }

    function demandReview(edge: StoredEdge): void {
      if (project.edges.setAutomaticStatus(edge.id, 'proposed')) {
        project.audit.record({ actor: OVERLAP_AGENT, action: 'edge.status', target: label(edge), before: edge.status, after: 'proposed' });
      }
    }
  });
}

function label(edge: { id: number; upstream: string; downstream: string }): string {
  return `#${edge.id} ${edge.upstream} -> ${edge.downstream}`;
}

function upCount(c: Containment): string {
  return `${c.matched} of ${c.checked}`;
}

function emptyOverlap(up: SketchedFiles, down: SketchedFiles): SampleOverlap {
  const none = (checked: number): Containment => ({ share: 0, exact: 0, near: 0, identical: 0, checked, matched: 0, error: 0 });
  return {
    upstreamInDownstream: none(up.sketch.queries.length), downstreamInUpstream: none(down.sketch.queries.length), sides: 'identical', direction: 'stated',
    samples: { upstream: up.sketch.samples, downstream: down.sketch.samples }, examples: [],
  };
}

/** The datasets between `from` and `to` on a lineage path of two steps or more, if there is one. */
function indirectPath(graph: LineageGraph, from: string, to: string): string[] | undefined {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return undefined;
  const parent = new Map<string, string>();
  let frontier = graph.outNeighbors(from).filter((n) => n !== to && n !== from);
  for (const n of frontier) parent.set(n, from);
  for (let depth = 1; depth < MAX_PATH && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const n of graph.outNeighbors(node)) {
        if (n === to) {
          const path = [node];
          for (let p = parent.get(node); p && p !== from; p = parent.get(p)) path.unshift(p);
          return path;
        }
        if (parent.has(n) || n === from) continue;
        parent.set(n, node);
        next.push(n);
      }
    }
    frontier = next;
  }
  return undefined;
}
