/** A Rootline project: one SQLite file holding the lineage graph, its evidence, documents and audit log. */
import type Database from 'better-sqlite3';
import { UserError } from '../shared/errors.js';
import type { EdgeStatus, Relation } from '../shared/domain/vocabulary.js';
import { AuditLog } from './store/audit.js';
import { DatasetStore, type DatasetInput } from './store/datasets.js';
import { DocumentStore } from './store/documents.js';
import { EdgeStore } from './store/edges.js';
import { LineageQueries } from './store/lineage.js';
import { openDatabase, type OpenOptions } from './store/open.js';
import { PositionStore } from './store/positions.js';
import { RunStore } from './runs/store.js';

export class Project {
  readonly datasets: DatasetStore;
  readonly edges: EdgeStore;
  readonly documents: DocumentStore;
  readonly lineage: LineageQueries;
  readonly audit: AuditLog;
  readonly runs: RunStore;
  readonly positions: PositionStore;

  private constructor(readonly db: Database.Database, readonly file: string, now: () => string) {
    this.datasets = new DatasetStore(db, now);
    this.edges = new EdgeStore(db, now);
    this.documents = new DocumentStore(db, now);
    this.lineage = new LineageQueries(db);
    this.audit = new AuditLog(db, now);
    this.runs = new RunStore(db, now);
    this.positions = new PositionStore(db, now);
  }

  static open(file: string, options: OpenOptions & { now?: () => string } = {}): Project {
    return new Project(openDatabase(file, options), file, options.now ?? (() => new Date().toISOString()));
  }

  /** Runs `work` in one transaction: all of it lands, or none of it. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The dataset a name refers to, or a user error naming it. */
  requireDataset(nameOrId: string): string {
    const id = this.datasets.resolve(nameOrId);
    if (!id) throw new UserError(`no dataset named "${nameOrId}" in ${this.file}`);
    return id;
  }

  // Human changes: each applies the change and appends it to the audit log in one transaction.

  reviewEdge(edgeId: number, status: EdgeStatus, actor: string): void {
    this.transaction(() => {
      const before = this.requireEdge(edgeId);
      this.edges.setStatus(edgeId, status);
      this.audit.record({ actor, action: 'edge.status', target: edgeLabel(before), before: before.status, after: status });
    });
  }

  setEdgeRelation(edgeId: number, relation: Relation, actor: string): void {
    this.transaction(() => {
      const before = this.requireEdge(edgeId);
      this.edges.setRelation(edgeId, relation);
      this.audit.record({ actor, action: 'edge.relation', target: edgeLabel(before), before: before.relation, after: relation });
    });
  }

  updateDataset(id: string, patch: Partial<Omit<DatasetInput, 'id' | 'aliases'>>, actor: string): void {
    this.transaction(() => {
      const before = this.datasets.get(id);
      if (!before) throw new UserError(`no dataset "${id}" in ${this.file}`);
      this.datasets.update(id, patch);
      this.audit.record({ actor, action: 'dataset.update', target: id, before, after: this.datasets.get(id) });
    });
  }

  private requireEdge(edgeId: number) {
    const edge = this.edges.get(edgeId);
    if (!edge) throw new UserError(`no edge #${edgeId} in ${this.file}`);
    return edge;
  }
}

function edgeLabel(edge: { id: number; upstream: string; downstream: string }): string {
  return `#${edge.id} ${edge.upstream} -> ${edge.downstream}`;
}
