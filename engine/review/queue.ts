/** The review queue: edges awaiting a person, least confident first, each with why, where it came from and on what evidence. */
import { DEFAULT_REVIEW_THRESHOLD, FLAG_LABELS, reviewReasons } from '../../agents/aggregation/review.js';
import { isProseOnly } from './automatic.js';
import type { Evidence } from '../../shared/domain/model.js';
import type { Relation } from '../../shared/domain/vocabulary.js';
import { matchesReviewFilter, originOfAgent, type ReviewFilter } from '../../shared/review/filter.js';
import type { Project } from '../project.js';

export interface ReviewItem {
  id: number;
  upstream: string;
  downstream: string;
  relation: Relation;
  confidence: number;
  /** Why it waits for a person (empty: nothing automatic judged it, e.g. an edge from `rootline ingest`). */
  reasons: string[];
  /** Where its evidence came from: `paper`, `dpi`, `builtin`, `model`, `hybrid` (shared/review/filter.ts). */
  origins: string[];
  flags: Array<{ flag: string; label: string; detail: string | null }>;
  votes: Array<{ relation: Relation; weight: number }>;
  evidence: Array<Evidence & { location: string | null }>;
}

export function reviewQueue(project: Project, threshold = DEFAULT_REVIEW_THRESHOLD, filter: ReviewFilter = {}): ReviewItem[] {
  const locations = new Map<number, string | null>();
  const locationOf = (documentId: number | null) => {
    if (documentId === null) return null;
    if (!locations.has(documentId)) locations.set(documentId, project.documents.get(documentId)?.location ?? null);
    return locations.get(documentId)!;
  };
  const items: ReviewItem[] = [];
  for (const edge of project.edges.proposed()) {
    const origins = [...new Set(edge.evidence.map((e) => originOfAgent(e.agent)))];
    if (!matchesReviewFilter({ ...edge, origins }, filter)) continue;
    const aggregate = project.edges.aggregateOf(edge.id);
    const flags = project.edges.flagsOf(edge.id);
    items.push({
      id: edge.id,
      upstream: edge.upstream,
      downstream: edge.downstream,
      relation: edge.relation,
      confidence: edge.confidence,
      reasons: reviewReasons({ confidence: edge.confidence, conflict: aggregate?.conflict ?? false }, flags.map((f) => f.flag), threshold, isProseOnly(project, edge.id)),
      origins,
      flags: flags.map((f) => ({ flag: f.flag, label: FLAG_LABELS[f.flag], detail: f.detail })),
      votes: aggregate?.votes ?? [],
      evidence: edge.evidence.map((e) => ({ ...e, location: e.origin ?? locationOf(e.documentId) })),
    });
  }
  return items;
}
