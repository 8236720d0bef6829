/** Documents read into the project, kept whole so evidence offsets can be shown later. Idempotent by sha256. */
import type Database from 'better-sqlite3';
import type { Document } from '../../shared/domain/model.js';
import type { DocumentKind } from '../../shared/domain/vocabulary.js';

interface DocumentRow {
  id: number;
  location: string;
  sha256: string;
  kind: DocumentKind;
  text: string;
  dataset_id: string | null;
  ingested_at: string;
}

export class DocumentStore {
  private readonly bySha;
  private readonly insertRow;

  constructor(private readonly db: Database.Database, private readonly now: () => string) {
    this.bySha = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE sha256 = ?');
    this.insertRow = db.prepare(
      'INSERT INTO documents (location, sha256, kind, text, dataset_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  findBySha(sha256: string): Document | undefined {
    const row = this.bySha.get(sha256);
    return row ? toDocument(row) : undefined;
  }

  add(input: { location: string; sha256: string; kind: DocumentKind; text: string; datasetId: string | null }): number {
    const result = this.insertRow.run(input.location, input.sha256, input.kind, input.text, input.datasetId, this.now());
    return Number(result.lastInsertRowid);
  }

  /** Renames where documents were read, e.g. files uploaded through a temporary folder. Returns how many changed. */
  relocate(from: string, to: string): number {
    return this.db.prepare('UPDATE documents SET location = ? WHERE location = ?').run(to, from).changes;
  }

  get(id: number): Document | undefined {
    const row = this.db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?').get(id);
    return row ? toDocument(row) : undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }

  /** The dataset the document read at a location describes, if it was read. */
  datasetAt(location: string): string | undefined {
    return this.db.prepare<[string], { dataset_id: string }>('SELECT dataset_id FROM documents WHERE location = ? AND dataset_id IS NOT NULL ORDER BY id DESC LIMIT 1').get(location)?.dataset_id;
  }

  /** Where each document describing a dataset was read, for relative links between cards. */
  locations(): Array<{ location: string; datasetId: string }> {
    return this.db
      .prepare<[], { location: string; dataset_id: string }>('SELECT location, dataset_id FROM documents WHERE dataset_id IS NOT NULL')
      .all()
      .map((row) => ({ location: row.location, datasetId: row.dataset_id }));
  }

  forDataset(datasetId: string): Document[] {
    return this.db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE dataset_id = ? ORDER BY id').all(datasetId).map(toDocument);
  }
}

function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    location: row.location,
    sha256: row.sha256,
    kind: row.kind,
    text: row.text,
    datasetId: row.dataset_id,
    ingestedAt: row.ingested_at,
  };
}
