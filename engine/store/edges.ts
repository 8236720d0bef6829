/** Edges and their evidence. One edge per (upstream, downstream) pair; every further finding adds evidence. */
import type Database from 'better-sqlite3';
import { aggregateEvidence, type EdgeAggregate } from '../../agents/aggregation/vote.js';
import type { EdgeFlag } from '../../agents/aggregation/review.js';
import type { Edge, Evidence, SampleOverlap } from '../../shared/domain/model.js';
import type { EdgeStatus, EvidenceKind, Relation } from '../../shared/domain/vocabulary.js';

/** One finding of an edge: who read which quote where, and what it says. */
export interface FindingInput {
  upstream: string;
  downstream: string;
  relation: Relation;
  confidence: number;
  quote: string;
  documentId?: number | null;
  origin?: string | null;
  start?: number | null;
  end?: number | null;
  agent: string;
  model?: string | null;
  /** 'data' for figures from sample files (then `quote` states them); a quote otherwise. */
  kind?: EvidenceKind;
  overlap?: SampleOverlap | null;
}

export interface StoredEdge extends Edge {
  id: number;
  createdAt: string;
  updatedAt: string;
}

interface EdgeRow {
  id: number;
  upstream: string;
  downstream: string;
  relation: Relation;
  confidence: number;
  status: EdgeStatus;
  relation_by_human: number;
  status_by_human: number;
  created_at: string;
  updated_at: string;
}

interface EvidenceRow {
  id: number;
  edge_id: number;
  document_id: number | null;
  origin: string | null;
  quote: string;
  start: number | null;
  end: number | null;
  agent: string;
  model: string | null;
  relation: Relation;
  confidence: number;
  created_at: string;
  kind: EvidenceKind;
  data: string | null;
}

export class EdgeStore {
  private readonly byPair;
  private readonly insertEdge;
  private readonly insertEvidence;
  private readonly evidenceOf;
  private readonly votes;
  private readonly setAggregate;

  constructor(private readonly db: Database.Database, private readonly now: () => string) {
    this.byPair = db.prepare<[string, string], EdgeRow>('SELECT * FROM edges WHERE upstream = ? AND downstream = ?');
    this.insertEdge = db.prepare(
      'INSERT INTO edges (upstream, downstream, relation, confidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertEvidence = db.prepare(
      `INSERT OR IGNORE INTO evidence (edge_id, document_id, origin, quote, start, end, agent, model, relation, confidence, created_at, kind, data)
       VALUES (@edgeId, @documentId, @origin, @quote, @start, @end, @agent, @model, @relation, @confidence, @now, @kind, @data)`,
    );
    this.evidenceOf = db.prepare<[number], EvidenceRow>('SELECT * FROM evidence WHERE edge_id = ? ORDER BY id');
    this.votes = db.prepare<[number], { relation: Relation; confidence: number; documentId: number | null; origin: string | null }>(
      'SELECT relation, confidence, document_id AS documentId, origin FROM evidence WHERE edge_id = ?',
    );
    this.setAggregate = db.prepare('UPDATE edges SET relation = ?, confidence = ?, updated_at = ? WHERE id = ?');
  }

  /** Records a finding: creates the edge the first time, adds the evidence unless it is already there. */
  addFinding(finding: FindingInput): { edgeId: number; createdEdge: boolean; addedEvidence: boolean } {
    let edge = this.byPair.get(finding.upstream, finding.downstream);
    const createdEdge = !edge;
    if (!edge) {
      const now = this.now();
      this.insertEdge.run(finding.upstream, finding.downstream, finding.relation, finding.confidence, now, now);
      edge = this.byPair.get(finding.upstream, finding.downstream)!;
    }
    const added = this.insertEvidence.run({
      edgeId: edge.id,
      documentId: finding.documentId ?? null,
      origin: finding.origin ?? null,
      quote: finding.quote,
      start: finding.start ?? null,
      end: finding.end ?? null,
      agent: finding.agent,
      model: finding.model ?? null,
      relation: finding.relation,
      confidence: finding.confidence,
      now: this.now(),
      kind: finding.kind ?? 'quote',
      data: finding.overlap ? JSON.stringify(finding.overlap) : null,
    });
    if (added.changes > 0 && !createdEdge) this.reaggregate(edge);
    return { edgeId: edge.id, createdEdge, addedEvidence: added.changes > 0 };
  }

  /**
   * Replaces what one agent measured in the data for an edge with a new measurement (figures go stale when
   * the files change); creates the edge, proposed, when it does not exist. Unchanged figures change nothing.
   */
  replaceDataEvidence(finding: FindingInput & { overlap: SampleOverlap }): { edgeId: number; createdEdge: boolean; changed: boolean } {
    const edge = this.byPair.get(finding.upstream, finding.downstream);
    if (edge) {
      const old = this.db
        .prepare<[number, string], EvidenceRow>("SELECT * FROM evidence WHERE edge_id = ? AND kind = 'data' AND agent = ?")
        .all(edge.id, finding.agent);
      const data = JSON.stringify(finding.overlap);
      if (old.length === 1 && old[0]!.quote === finding.quote && old[0]!.data === data && old[0]!.relation === finding.relation && old[0]!.confidence === finding.confidence) {
        return { edgeId: edge.id, createdEdge: false, changed: false };
      }
      this.db.prepare("DELETE FROM evidence WHERE edge_id = ? AND kind = 'data' AND agent = ?").run(edge.id, finding.agent);
    }
    const added = this.addFinding({ ...finding, kind: 'data' });
    if (edge && !added.addedEvidence) this.reaggregate(edge);
    return { edgeId: added.edgeId, createdEdge: added.createdEdge, changed: true };
  }

  /**
   * An edge's relation is the one its evidence votes for (each document votes once per relation, weighted
   * by confidence), unless a person chose it; its confidence is the strongest finding, raised a little by
   * each further document that corroborates it (agents/aggregation/vote.ts).
   */
  private reaggregate(edge: EdgeRow): void {
    const aggregate = this.aggregateOf(edge.id);
    if (!aggregate) return;
    const relation = edge.relation_by_human ? edge.relation : aggregate.relation;
    this.setAggregate.run(relation, aggregate.confidence, this.now(), edge.id);
  }

  /** The vote of an edge's evidence: relation, combined confidence, and whether relations conflict. */
  aggregateOf(edgeId: number): EdgeAggregate | undefined {
    return aggregateEvidence(this.votes.all(edgeId));
  }

  /** An automatic review decision: it never overrides a person's. Returns whether the status changed. */
  setAutomaticStatus(id: number, status: EdgeStatus): boolean {
    return this.db.prepare('UPDATE edges SET status = ?, updated_at = ? WHERE id = ? AND status_by_human = 0 AND status != ?').run(status, this.now(), id, status).changes > 0;
  }

  setFlag(edgeId: number, flag: EdgeFlag, detail: string | null = null): void {
    this.db.prepare('INSERT INTO edge_flags (edge_id, flag, detail, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (edge_id, flag) DO UPDATE SET detail = excluded.detail').run(edgeId, flag, detail, this.now());
  }

  clearFlag(edgeId: number, flag: EdgeFlag): void {
    this.db.prepare('DELETE FROM edge_flags WHERE edge_id = ? AND flag = ?').run(edgeId, flag);
  }

  flagsOf(edgeId: number): Array<{ flag: EdgeFlag; detail: string | null }> {
    return this.db.prepare<[number], { flag: EdgeFlag; detail: string | null }>('SELECT flag, detail FROM edge_flags WHERE edge_id = ? ORDER BY flag').all(edgeId);
  }

  /** Edges awaiting a person, least confident first. */
  proposed(): StoredEdge[] {
    return this.db
      .prepare<[], EdgeRow>("SELECT * FROM edges WHERE status = 'proposed' ORDER BY confidence, downstream, upstream")
      .all()
      .map((row) => this.toEdge(row));
  }

  get(id: number): StoredEdge | undefined {
    const row = this.db.prepare<[number], EdgeRow>('SELECT * FROM edges WHERE id = ?').get(id);
    return row ? this.toEdge(row) : undefined;
  }

  between(upstream: string, downstream: string): StoredEdge | undefined {
    const row = this.byPair.get(upstream, downstream);
    return row ? this.toEdge(row) : undefined;
  }

  all(options: { withEvidence?: boolean } = {}): StoredEdge[] {
    return this.db
      .prepare<[], EdgeRow>('SELECT * FROM edges ORDER BY downstream, upstream')
      .all()
      .map((row) => this.toEdge(row, options.withEvidence ?? true));
  }

  /** The agents whose findings an edge's evidence holds. */
  evidenceAgents(edgeId: number): string[] {
    return this.db.prepare<[number], { agent: string }>('SELECT DISTINCT agent FROM evidence WHERE edge_id = ?').all(edgeId).map((row) => row.agent);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM edges').get() as { n: number }).n;
  }

  evidenceCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
  }

  /** A person's decision on an edge (the caller records it in the audit log); automatic review leaves it alone afterwards. */
  setStatus(id: number, status: EdgeStatus): void {
    this.db.prepare('UPDATE edges SET status = ?, status_by_human = 1, updated_at = ? WHERE id = ?').run(status, this.now(), id);
  }

  /** A person's choice of relation; evidence read later no longer changes it. */
  setRelation(id: number, relation: Relation): void {
    this.db.prepare('UPDATE edges SET relation = ?, relation_by_human = 1, updated_at = ? WHERE id = ?').run(relation, this.now(), id);
  }

  private toEdge(row: EdgeRow, withEvidence = true): StoredEdge {
    return {
      id: row.id,
      upstream: row.upstream,
      downstream: row.downstream,
      relation: row.relation,
      confidence: row.confidence,
      status: row.status,
      evidence: withEvidence ? this.evidenceOf.all(row.id).map(toEvidence) : [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

function toEvidence(row: EvidenceRow): Evidence {
  return {
    documentId: row.document_id,
    origin: row.origin,
    quote: row.quote,
    start: row.start,
    end: row.end,
    agent: row.agent,
    model: row.model,
    relation: row.relation,
    confidence: row.confidence,
    createdAt: row.created_at,
    kind: row.kind,
    overlap: row.data ? (JSON.parse(row.data) as SampleOverlap) : null,
  };
}
