/**
 * One edge, many findings: the relation is voted by the evidence (each document votes once per relation,
 * with its strongest confidence), the confidence combines independent documents, and competing
 * relations are a conflict a person must settle.
 */
import type { Relation } from '../../shared/domain/vocabulary.js';

export interface EvidenceVote {
  relation: Relation;
  confidence: number;
  /** The document the finding was read in; null for imported findings. */
  documentId: number | null;
  /** For imported findings: where they were read (each origin votes; together they count as one source of confidence). */
  origin?: string | null;
}

export interface EdgeAggregate {
  relation: Relation;
  confidence: number;
  /** Relations by weight, strongest first. */
  votes: Array<{ relation: Relation; weight: number }>;
  /** A second relation has at least half the winner's weight. */
  conflict: boolean;
  /** Documents the edge was read in. */
  documents: number;
}

/** A runner-up with this share of the winner's weight makes the relation a conflict. */
const CONFLICT_SHARE = 0.5;
/** Each further document closes this share of the remaining doubt, times its own confidence. */
const CORROBORATION = 0.5;
const MAX_COMBINED = 0.99;

export function aggregateEvidence(evidence: EvidenceVote[]): EdgeAggregate | undefined {
  if (evidence.length === 0) return undefined;
  // Voters: each document, or each origin of imported findings, with its best confidence per relation.
  const byVoter = new Map<string, Map<Relation, number>>();
  // Sources of confidence: each document; all imported findings together (the paper keeps their highest).
  const bySource = new Map<string, number>();
  for (const e of evidence) {
    const voter = e.documentId === null ? `origin:${e.origin ?? ''}` : `document:${e.documentId}`;
    const relations = byVoter.get(voter) ?? new Map<Relation, number>();
    relations.set(e.relation, Math.max(relations.get(e.relation) ?? 0, e.confidence));
    byVoter.set(voter, relations);
    const source = e.documentId === null ? 'imported' : voter;
    bySource.set(source, Math.max(bySource.get(source) ?? 0, e.confidence));
  }
  const weights = new Map<Relation, number>();
  for (const relations of byVoter.values()) for (const [relation, c] of relations) weights.set(relation, (weights.get(relation) ?? 0) + c);
  const votes = [...weights.entries()]
    .map(([relation, weight]) => ({ relation, weight: round(weight) }))
    .sort((a, b) => b.weight - a.weight || a.relation.localeCompare(b.relation));
  const winner = votes[0]!;
  const conflict = votes.length > 1 && votes[1]!.weight >= winner.weight * CONFLICT_SHARE;

  const perSource = [...bySource.values()].sort((a, b) => b - a);
  let confidence = perSource[0]!;
  for (const c of perSource.slice(1)) confidence += (1 - confidence) * c * CORROBORATION;
  confidence = perSource.length > 1 ? Math.min(MAX_COMBINED, round(confidence)) : confidence;
  return { relation: winner.relation, confidence, votes, conflict, documents: [...bySource.keys()].filter((k) => k !== 'imported').length };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
