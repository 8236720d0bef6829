/** A Rootline project: one SQLite file holding the lineage graph, its evidence, documents and audit log. */
import type Database from 'better-sqlite3';
import { lookupDatasetName } from '../shared/domain/name-lookup.js';
import { UserError } from '../shared/errors.js';
import type { EdgeStatus, Relation } from '../shared/domain/vocabulary.js';
import { AuditLog } from './store/audit.js';
import { DatasetStore, type DatasetInput } from './store/datasets.js';
import { DocumentStore } from './store/documents.js';
import { EdgeStore } from './store/edges.js';
import { LineageQueries } from './store/lineage.js';
import { openDatabase, type OpenOptions } from './store/open.js';
import { SketchStore } from './store/sketches.js';
import { writeTransaction } from './store/busy.js';
import { PositionStore } from './store/positions.js';
import { RunStore } from './runs/store.js';

export class Project {
  readonly datasets: DatasetStore;
  readonly edges: EdgeStore;
  readonly documents: DocumentStore;
  readonly lineage: LineageQueries;
  readonly audit: AuditLog;
  readonly runs: RunStore;
  readonly sketches: SketchStore;
  readonly positions: PositionStore;

  private constructor(readonly db: Database.Database, readonly file: string, now: () => string) {
    this.datasets = new DatasetStore(db, now);
    this.edges = new EdgeStore(db, now);
    this.documents = new DocumentStore(db, now);
    this.lineage = new LineageQueries(db);
    this.audit = new AuditLog(db, now);
    this.runs = new RunStore(db, now);
    this.sketches = new SketchStore(db, now);
    this.positions = new PositionStore(db, now);
  }

  static open(file: string, options: OpenOptions & { now?: () => string } = {}): Project {
    return new Project(openDatabase(file, options), file, options.now ?? (() => new Date().toISOString()));
  }

  /**
   * Runs `work` in one write transaction: all of it lands, or none of it. It waits its turn while another
   * process writes the project (store/busy.ts); keep `work` short, as other writers wait for it.
   */
  transaction<T>(work: () => T): T {
    return writeTransaction(this.db, work);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The dataset a name refers to, or a user error naming it: with the close names, or every dataset it could mean. */
  requireDataset(nameOrId: string): string {
    const match = lookupDatasetName(nameOrId, { resolved: this.datasets.resolve(nameOrId), get: (id) => this.datasets.get(id), all: () => this.datasets.all() });
    if (match.kind === 'found') return match.id;
    if (match.kind === 'ambiguous') {
      throw new UserError(`"${nameOrId}" could mean ${match.candidates.length} datasets in ${this.file}: ${match.candidates.join(', ')}; give the one you mean by its id`);
    }
    const hint = match.suggestions.length ? `; did you mean ${match.suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
    throw new UserError(`no dataset named "${nameOrId}" in ${this.file}${hint}`);
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
