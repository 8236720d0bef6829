/** Sample sketches by dataset, with the fingerprint of the files they were built from. */
import type Database from 'better-sqlite3';
import { decodeSketch, encodeSketch, type EncodedSketch } from '../../shared/analyses/overlap/codec.js';
import type { DatasetSketch, KeySets } from '../../shared/analyses/overlap/types.js';

export interface StoredSketch {
  datasetId: string;
  /** The files read, in the order their index appears in the sketch's records. */
  files: string[];
  fingerprint: string;
  settings: string;
  seconds: number;
  builtAt: string;
}

interface SketchRow {
  dataset_id: string;
  files: string;
  fingerprint: string;
  settings: string;
  meta: string;
  queries: Buffer;
  examples: Buffer;
  prompts: Buffer;
  responses: Buffer;
  pairs: Buffer;
  bands: Buffer;
  seconds: number;
  built_at: string;
}

export class SketchStore {
  constructor(private readonly db: Database.Database, private readonly now: () => string) {}

  /** What is stored for a dataset, without decoding its sketch. */
  info(datasetId: string): StoredSketch | undefined {
    const row = this.db
      .prepare<[string], Omit<SketchRow, 'meta' | 'queries' | 'examples' | 'prompts' | 'responses' | 'pairs' | 'bands'>>(
        'SELECT dataset_id, files, fingerprint, settings, seconds, built_at FROM sample_sketches WHERE dataset_id = ?',
      )
      .get(datasetId);
    return row ? toInfo(row) : undefined;
  }

  /** The stored sketch; with `keys: false`, without its key sets (the bulk of it). */
  sketch(datasetId: string, options: { keys?: boolean } = {}): DatasetSketch | undefined {
    const columns = options.keys === false ? "meta, queries, examples, x'' AS prompts, x'' AS responses, x'' AS pairs, x'' AS bands" : '*';
    const row = this.db.prepare<[string], SketchRow>(`SELECT ${columns} FROM sample_sketches WHERE dataset_id = ?`).get(datasetId);
    return row ? decodeSketch(row, options) : undefined;
  }

  /** A stored sketch's key sets alone. */
  keySets(datasetId: string): KeySets {
    const sketch = this.sketch(datasetId);
    if (!sketch) throw new Error(`no sample sketch of ${datasetId} in the project`);
    return sketch;
  }

  put(input: { datasetId: string; files: string[]; fingerprint: string; settings: string; seconds: number; sketch: DatasetSketch | EncodedSketch }): void {
    const e = 'meta' in input.sketch ? input.sketch : encodeSketch(input.sketch);
    this.db
      .prepare(
        `INSERT INTO sample_sketches (dataset_id, files, fingerprint, settings, meta, queries, examples, prompts, responses, pairs, bands, seconds, built_at)
         VALUES (@datasetId, @files, @fingerprint, @settings, @meta, @queries, @examples, @prompts, @responses, @pairs, @bands, @seconds, @now)
         ON CONFLICT (dataset_id) DO UPDATE SET files = excluded.files, fingerprint = excluded.fingerprint, settings = excluded.settings,
           meta = excluded.meta, queries = excluded.queries, examples = excluded.examples, prompts = excluded.prompts,
           responses = excluded.responses, pairs = excluded.pairs, bands = excluded.bands, seconds = excluded.seconds, built_at = excluded.built_at`,
      )
      .run({
        datasetId: input.datasetId,
        files: JSON.stringify(input.files),
        fingerprint: input.fingerprint,
        settings: input.settings,
        meta: e.meta,
        queries: blob(e.queries),
        examples: blob(e.examples),
        prompts: blob(e.prompts),
        responses: blob(e.responses),
        pairs: blob(e.pairs),
        bands: blob(e.bands),
        seconds: input.seconds,
        now: this.now(),
      });
  }

  remove(datasetId: string): void {
    this.db.prepare('DELETE FROM sample_sketches WHERE dataset_id = ?').run(datasetId);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM sample_sketches').get() as { n: number }).n;
  }
}

function blob(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toInfo(row: Pick<SketchRow, 'dataset_id' | 'files' | 'fingerprint' | 'settings' | 'seconds' | 'built_at'>): StoredSketch {
  return { datasetId: row.dataset_id, files: JSON.parse(row.files) as string[], fingerprint: row.fingerprint, settings: row.settings, seconds: row.seconds, builtAt: row.built_at };
}
