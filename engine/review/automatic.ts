/**
 * The aggregation agent's decision on an edge after new evidence: flags (conflicting relations, an
 * upstream newer than its downstream, a two-dataset cycle), then accepted when confident and unflagged,
 * else proposed for a person. A person's decision is never overridden; every change is audit-logged.
 */
import { reviewReasons, type EdgeFlag } from '../../agents/aggregation/review.js';
import { releasedAfter } from '../../agents/aggregation/temporal.js';
import { BUILTIN_AGENT } from '../../agents/extraction/builtin/index.js';
import type { Project } from '../project.js';

export const AGGREGATION_ACTOR = 'rootline (aggregation agent)';

export interface AutomaticReview {
  edgeId: number;
  status: 'accepted' | 'proposed';
  reasons: string[];
  changed: boolean;
}

/** Whether all an edge rests on is the built-in extractor's reading of a card's sentences. */
export function isProseOnly(project: Project, edgeId: number): boolean {
  const agents = project.edges.evidenceAgents(edgeId);
  return agents.length > 0 && agents.every((agent) => agent === BUILTIN_AGENT);
}

export function reviewAutomatically(project: Project, edgeId: number, threshold: number): AutomaticReview | undefined {
  const edge = project.edges.get(edgeId);
  const aggregate = project.edges.aggregateOf(edgeId);
  if (!edge || !aggregate || edge.status === 'rejected') return undefined;
  const flags: EdgeFlag[] = [];
  const mark = (flag: EdgeFlag, on: boolean, detail: string | null) => {
    if (on) {
      project.edges.setFlag(edgeId, flag, detail);
      flags.push(flag);
    } else project.edges.clearFlag(edgeId, flag);
  };
  mark('relation-conflict', aggregate.conflict, aggregate.votes.map((v) => `${v.relation} ${v.weight}`).join(' vs '));
  const up = project.datasets.get(edge.upstream)?.releaseDate ?? null;
  const down = project.datasets.get(edge.downstream)?.releaseDate ?? null;
  mark('upstream-newer', releasedAfter(up, down), `${edge.upstream} ${up} > ${edge.downstream} ${down}`);
  const reverse = project.edges.between(edge.downstream, edge.upstream);
  const cycle = Boolean(reverse && reverse.status !== 'rejected' && edge.upstream !== edge.downstream);
  mark('back-edge', cycle, cycle ? `#${reverse!.id} ${edge.downstream} -> ${edge.upstream}` : null);
  if (cycle && !project.edges.flagsOf(reverse!.id).some((f) => f.flag === 'back-edge')) {
    project.edges.setFlag(reverse!.id, 'back-edge', `#${edgeId} ${edge.upstream} -> ${edge.downstream}`);
    if (project.edges.setAutomaticStatus(reverse!.id, 'proposed')) {
      project.audit.record({ actor: AGGREGATION_ACTOR, action: 'edge.status', target: `#${reverse!.id} ${reverse!.upstream} -> ${reverse!.downstream}`, before: reverse!.status, after: 'proposed' });
    }
  }

  // Set by the sample-overlap analysis, not here: it stands until the data shows otherwise.
  if (project.edges.flagsOf(edgeId).some((f) => f.flag === 'data-contradicts')) flags.push('data-contradicts');
  const reasons = reviewReasons(aggregate, flags, threshold, isProseOnly(project, edgeId));
  const status = reasons.length > 0 ? 'proposed' : 'accepted';
  const changed = project.edges.setAutomaticStatus(edgeId, status);
  if (changed) {
    project.audit.record({
      actor: AGGREGATION_ACTOR,
      action: 'edge.status',
      target: `#${edgeId} ${edge.upstream} -> ${edge.downstream}`,
      before: edge.status,
      after: reasons.length ? { status, reasons } : status,
    });
  }
  return { edgeId, status: project.edges.get(edgeId)!.status === 'accepted' ? 'accepted' : 'proposed', reasons, changed };
}
